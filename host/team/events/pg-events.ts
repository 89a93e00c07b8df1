import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import { events as contractEvents } from '../../../core/contract/operations.js';
import { HostError } from '../../common/host-error.js';
import { toPgError, type PgDatabase } from '../../db/pg/pg-database.js';
import { eventQueries } from '../../db/pg/queries/events.js';
import type { TeamEvent, TeamEvents } from '../team-types.js';

/** The one channel every `team serve` process of a database listens on. */
export const EVENT_CHANNEL = 'specbench_events';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more (in the default build). */
export const MAX_NOTIFY_BYTES = 7999;

/** At most this many queued events go out in one statement (one transaction). */
const BATCH_SIZE = 100;

export interface PgEventsOptions {
  channel?: string;
  /** Backoff between attempts to get the listening connection back: doubles from `initialMs` up to `maxMs`. */
  reconnect?: { initialMs?: number; maxMs?: number };
  /** How often the listening connection is checked with a round trip (0: never). A silently dead socket is found this way. */
  probeIntervalMs?: number;
  /** Failures that are handled but worth a log line: a lost listener, a reconnect attempt, a malformed notification, a throwing subscriber. */
  onError?: (error: unknown, context: string) => void;
}

export interface PgTeamEvents extends TeamEvents {
  /** 'listening' while the feed is connected, 'reconnecting' during an outage, 'closed' after close(). */
  state(): 'listening' | 'reconnecting' | 'closed';
  /** The listening connection's server process id (diagnostics; tests end it to simulate a lost connection). */
  listenerPid(): number | null;
}

/** What travels in a NOTIFY payload: the event plus its publisher's id and sequence number. */
const wireSchema = z.object({
  o: z.string().min(1),
  s: z.number().int().nonnegative(),
  e: z.object({
    name: z.string(),
    payload: z.unknown(),
    specId: z.number().int().nullable(),
    by: z.object({ accountId: z.string(), name: z.string() }).nullable(),
    at: z.number(),
  }),
});

/** A publish()ed event as the contract declares it, or a HostError saying what is wrong. */
function checkEvent(event: Omit<TeamEvent, 'at'>): void {
  const def = (contractEvents as Record<string, { payload: z.ZodType } | undefined>)[event.name];
  if (!def || !Object.prototype.hasOwnProperty.call(contractEvents, event.name)) {
    throw new HostError('UNKNOWN_EVENT', `"${event.name}" is not an event of the contract (core/contract); declare it there first`);
  }
  const parsed = def.payload.safeParse(event.payload);
  if (!parsed.success) {
    throw new HostError('INVALID_EVENT', `${event.name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ')}`);
  }
}

interface Pending {
  text: string;
  event: TeamEvent;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Team events over PostgreSQL LISTEN/NOTIFY (issue 15 FR-5): every `team serve` process holds one
 * dedicated listening connection (outside the pool, so a busy pool never delays delivery) on
 * `specbench_events`. `publish` NOTIFYs through the pool and hands the event to this process's
 * subscribers itself once the NOTIFY is accepted; the echo that comes back over the listener is
 * recognised by the publisher id and dropped, so every subscriber of every process gets each event
 * exactly once — this process's even while its listener is down. Publishes leave in call order
 * (one queue, batched into one statement while the previous one runs), and PostgreSQL delivers a
 * sender's notifications in commit order, so other processes see one publisher's events in order.
 *
 * When the listening connection is lost it is re-established with backoff; events sent meanwhile
 * are lost to this process, so after the reconnect local subscribers get `team.resync` (windows
 * reload what they show). Waits for the first LISTEN: an unreachable database rejects with
 * DATABASE_UNAVAILABLE naming the host.
 */
export async function createPgEvents(db: PgDatabase, options: PgEventsOptions = {}): Promise<PgTeamEvents> {
  const channel = options.channel ?? EVENT_CHANNEL;
  const initialMs = options.reconnect?.initialMs ?? 100;
  const maxMs = options.reconnect?.maxMs ?? 5000;
  const probeIntervalMs = options.probeIntervalMs ?? 15_000;
  const report = options.onError ?? (() => {});
  const origin = randomUUID();
  const listeners = new Set<(event: TeamEvent) => void>();
  // Highest sequence number seen per publisher: a notification at or below it is a repeat.
  const lastSeen = new Map<string, number>();
  let seq = 0;
  let listener: pg.Client | null = null;
  let listenerPid: number | null = null;
  let closed = false;
  let attempt = 0;
  let reconnectTimer: NodeJS.Timeout | null = null;
  const queue: Pending[] = [];
  let flushing: Promise<void> | null = null;

  const deliver = (event: TeamEvent) => {
    for (const l of [...listeners]) {
      try {
        l(event);
      } catch (error) {
        report(error, `a subscriber of ${event.name} threw`);
      }
    }
  };

  const receive = (text: string | undefined) => {
    let wire: z.infer<typeof wireSchema>;
    try {
      wire = wireSchema.parse(JSON.parse(text ?? ''));
    } catch (error) {
      report(error, `a malformed notification on ${channel} was ignored`);
      return;
    }
    if (wire.o === origin) return; // our own, already delivered by publish()
    if (wire.s <= (lastSeen.get(wire.o) ?? -1)) return;
    lastSeen.delete(wire.o); // re-insert: the map stays ordered oldest publisher first
    lastSeen.set(wire.o, wire.s);
    if (lastSeen.size > 1000) lastSeen.delete(lastSeen.keys().next().value!);
    try {
      checkEvent(wire.e);
    } catch (error) {
      // A process of another Specbench version (a rolling upgrade) may speak events this one does not know.
      report(error, 'a notification from another Specbench version was ignored');
      return;
    }
    deliver(wire.e as TeamEvent);
  };

  const lost = (client: pg.Client, error: unknown) => {
    if (client !== listener || closed) return;
    listener = null;
    client.end().catch(() => {});
    report(error, `the event listener on ${db.where} was lost; reconnecting`);
    scheduleReconnect();
  };

  const connect = async (): Promise<void> => {
    // The pool's own settings (the URL, timeouts), as the pool would open a connection; keepAlive finds dead peers.
    const client = new pg.Client({ ...(db.pool.options as pg.ClientConfig), keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel === channel) receive(message.payload);
    });
    client.on('error', (error) => lost(client, error));
    client.on('end', () => lost(client, new Error('the connection ended')));
    try {
      await client.connect();
      await client.query(eventQueries.listen(channel));
      listenerPid = (await client.query<{ pid: number }>(eventQueries.backendPid)).rows[0]?.pid ?? null;
    } catch (error) {
      client.end().catch(() => {});
      throw toPgError(error, db.where);
    }
    if (closed) {
      await client.end().catch(() => {});
      return;
    }
    listener = client;
  };

  const scheduleReconnect = () => {
    if (closed || reconnectTimer) return;
    // Jitter keeps several processes from reconnecting in lockstep after a database restart.
    const delay = Math.min(maxMs, initialMs * 2 ** attempt) * (0.8 + Math.random() * 0.4);
    attempt += 1;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connect().then(
        () => {
          if (closed) return;
          attempt = 0;
          deliver({
            name: 'team.resync',
            payload: { reason: 'the event feed from the database was interrupted; changes made meanwhile may not have been announced' },
            specId: null,
            by: null,
            at: Date.now(),
          });
        },
        (error) => {
          report(error, `reconnecting the event listener on ${db.where} failed (attempt ${attempt})`);
          scheduleReconnect();
        },
      );
    }, delay);
    reconnectTimer.unref();
  };

  // One probe at a time: a second query queued on the same client while the first (or LISTEN at
  // connect) is still running is what node-postgres deprecates, and it would prove nothing more.
  let probing = false;
  const probe = probeIntervalMs > 0 ? setInterval(() => {
    const client = listener;
    if (!client || probing) return;
    probing = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the event listener did not answer within ${probeIntervalMs} ms`)), probeIntervalMs);
    });
    Promise.race([client.query(eventQueries.probe), timeout])
      .then(
        () => clearTimeout(timer),
        (error) => {
          clearTimeout(timer);
          lost(client, error);
        },
      )
      .finally(() => {
        probing = false;
      });
  }, probeIntervalMs) : null;
  probe?.unref();

  const flush = async () => {
    while (queue.length) {
      const batch = queue.splice(0, BATCH_SIZE);
      try {
        await db.rows(eventQueries.notifyMany, [channel, batch.map((p) => p.text)]);
      } catch (error) {
        for (const p of batch) p.reject(error);
        continue;
      }
      for (const p of batch) {
        deliver(p.event);
        p.resolve();
      }
    }
    flushing = null;
  };

  await connect();

  return {
    publish(input) {
      if (closed) return Promise.reject(new HostError('EVENTS_CLOSED', `cannot publish ${input.name}: the event feed is closed`));
      try {
        checkEvent(input);
      } catch (error) {
        return Promise.reject(error);
      }
      const event: TeamEvent = { name: input.name, payload: input.payload, specId: input.specId, by: input.by, at: Date.now() };
      const text = JSON.stringify({ o: origin, s: seq, e: event });
      const bytes = Buffer.byteLength(text, 'utf8');
      if (bytes > MAX_NOTIFY_BYTES) {
        return Promise.reject(
          new HostError('EVENT_TOO_LARGE', `${input.name} is ${bytes} bytes as a notification; PostgreSQL allows at most ${MAX_NOTIFY_BYTES}: publish ids and let windows reload the details`),
        );
      }
      seq += 1;
      return new Promise<void>((resolve, reject) => {
        queue.push({ text, event, resolve, reject });
        flushing ??= flush();
      });
    },
    subscribe(listenerFn) {
      listeners.add(listenerFn);
      return () => {
        listeners.delete(listenerFn);
      };
    },
    state: () => (closed ? 'closed' : listener ? 'listening' : 'reconnecting'),
    listenerPid: () => (listener ? listenerPid : null),
    async close() {
      if (closed) return;
      // Events already accepted still go out before the feed closes.
      await flushing;
      closed = true;
      if (probe) clearInterval(probe);
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const client = listener;
      listener = null;
      listeners.clear();
      if (client) {
        await client.query(eventQueries.unlisten(channel)).catch(() => {});
        await client.end().catch(() => {});
      }
    },
  };
}
