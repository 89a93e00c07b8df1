import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestActor, TeamEvent, TeamEvents } from '../team-types.js';

/** Whether a signed-in caller may receive an event (spec access); the access module supplies the real rule. */
export type CanSee = (actor: RequestActor, event: TeamEvent) => boolean;

/** A comment line now and then keeps proxies and load balancers from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;

export interface EventStreamOptions {
  /**
   * Asks again whether the stream's session is still live (signed out, expired, account removed);
   * resolves false to end the stream. EventSource does not reconnect after the 401 that follows.
   */
  stillSignedIn(req: IncomingMessage, actor: RequestActor): Promise<boolean>;
  /** How often (default 60 s). */
  recheckMs?: number;
  /** Called once when a stream ends, whichever side closed it (presence forgets the window). */
  onClose?(actor: RequestActor): void;
}

export interface EventStreams {
  /** Turns the response into an SSE stream of the events `actor` may see, until either side closes. */
  open(req: IncomingMessage, res: ServerResponse, actor: RequestActor, headers: Record<string, string>): void;
  readonly size: number;
  /** Ends every stream (shutdown): browsers reconnect to another process or after the restart. */
  closeAll(): void;
}

/** Server-Sent Events over the team's event bus, one subscription per open stream. */
export function createEventStreams(events: TeamEvents, canSee: CanSee, options: EventStreamOptions): EventStreams {
  const open = new Map<ServerResponse, () => void>();
  return {
    open(req, res, actor, headers) {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
      res.write(': connected\n\n');
      const unsubscribe = events.subscribe((event) => {
        if (!canSee(actor, event)) return;
        res.write(`event: ${event.name.replace(/[\r\n]/g, '')}\ndata: ${JSON.stringify(event.payload ?? null)}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const recheck = setInterval(() => {
        options.stillSignedIn(req, actor).then(
          (live) => {
            if (!live && open.has(res)) {
              close();
              res.end();
            }
          },
          // The database being away is no reason to cut a stream; the next check decides.
          () => {},
        );
      }, options.recheckMs ?? 60_000);
      recheck.unref();
      const close = () => {
        if (!open.delete(res)) return;
        clearInterval(heartbeat);
        clearInterval(recheck);
        unsubscribe();
        options.onClose?.(actor);
      };
      open.set(res, close);
      req.on('close', close);
      res.on('close', close);
    },
    get size() {
      return open.size;
    },
    closeAll() {
      for (const [res, close] of [...open]) {
        close();
        res.end();
      }
    },
  };
}
