import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger } from 'pino';
import { loggablePath } from './log-redaction.js';

export type { Logger } from 'pino';

/**
 * pino JSON, one object per line. The `redact` paths are a second line of defence: the request
 * log below never passes headers, bodies or query strings in the first place.
 */
export function createTeamLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'specbench-team' },
      redact: { paths: ['headers.cookie', 'headers.authorization', 'headers["x-specbench-token"]', 'password', 'token', 'csrfToken'], censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** What one request carries through the routes, for its log line. */
export interface RequestContext {
  id: string;
  ip: string;
  /** The contract error code of a failed answer, when the route knows it. */
  code?: string;
  /** The signed-in account's id (a UUID, not a person's address). */
  accountId?: string;
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A proxy's request id is kept (so its log and ours line up) only when we trust the proxy and it looks like an id. */
export function requestIdOf(req: IncomingMessage, trustProxy: boolean): string {
  const given = req.headers['x-request-id'];
  return trustProxy && typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** One line per request when its answer is finished (or the client went away): id, method, path, status, ms. */
export function logOnFinish(log: Logger, req: IncomingMessage, res: ServerResponse, context: RequestContext): void {
  const started = process.hrtime.bigint();
  let done = false;
  const write = (aborted: boolean) => {
    if (done) return;
    done = true;
    const ms = Math.round((Number(process.hrtime.bigint() - started) / 1e6) * 100) / 100;
    log.info(
      {
        reqId: context.id,
        method: req.method,
        path: loggablePath(req.url ?? '/'),
        status: res.statusCode,
        ms,
        ip: context.ip,
        ...(context.code ? { code: context.code } : {}),
        ...(context.accountId ? { account: context.accountId } : {}),
        ...(aborted ? { aborted: true } : {}),
      },
      'request',
    );
  };
  res.once('finish', () => write(false));
  res.once('close', () => write(!res.writableFinished));
}
