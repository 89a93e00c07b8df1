import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { refuse, secretMatches, sendBody, sendError, sendJson } from '../../web/http-io.js';
import type { PgStore } from '../../store/pg/pg-store.js';
import type { TeamApi } from '../api/team-api.js';
import type { TeamAuth } from '../auth/team-auth.js';
import type { RequestActor, TeamEvents } from '../team-types.js';
import { answerFailure, handleApiCall } from './api-route.js';
import { clientAddress } from './client-address.js';
import { databaseWatch } from './database-watch.js';
import { createEventStreams, type CanSee } from './event-stream.js';
import { allowedHosts, hostAllowed } from './host-check.js';
import { scrubText } from './log-redaction.js';
import { servePage } from './page-route.js';
import { checkReadiness } from './readiness.js';
import { logOnFinish, requestIdOf, type Logger, type RequestContext } from './request-log.js';
import { AUTH_PAGE_CSP, teamSecurityHeaders } from './security-headers.js';

export interface TeamServerOptions {
  store: PgStore;
  auth: TeamAuth;
  api: TeamApi;
  events: TeamEvents;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** Port 0 picks a free one. */
  listen: { host: string; port: number };
  /** Where users reach the server; the Host check accepts its host. */
  publicUrl: URL | string;
  /** PEM contents; HTTPS when given. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Behind a TLS-terminating proxy: X-Forwarded-For names the client (and X-Request-Id is kept). */
  trustProxy: boolean;
  log: Logger;
  /** Which events a signed-in window receives (default: all); the access module supplies spec access. */
  canSee?: CanSee;
  /** A signed-in window's event stream ended (presence drops the session). */
  onStreamClosed?: (actor: RequestActor) => void;
  /** How long shutdown waits for requests in flight before cutting them (default 10 s). */
  shutdownGraceMs?: number;
  /** How often an open event stream checks that its session still exists (default 60 s). */
  sessionRecheckMs?: number;
  /** Another migrations folder for `/readyz` (tests). */
  migrationsDir?: string;
}

export interface TeamServer {
  /** Where it listens (the bound address, not the public URL). */
  url: string;
  port: number;
  /**
   * Graceful stop: no new connections, open event streams ended, requests in flight finished (cut
   * after the grace period). The services passed in are the caller's to close afterwards.
   */
  close(): Promise<void>;
}

/**
 * The team server's HTTP(S) front (issue 15 FR-2, FR-8, NFR-2): health probes, `/auth/*`, the
 * contract API behind a session and a CSRF header, live events over SSE, and the renderer. It
 * owns no service: the entry point creates the store, auth, API and events and passes them in.
 */
export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const { auth, api, store, log } = options;
  const publicUrl = new URL(options.publicUrl);
  const headers = teamSecurityHeaders(publicUrl);
  const authHeaders = { ...headers, 'Content-Security-Policy': AUTH_PAGE_CSP };
  const streams = createEventStreams(options.events, options.canSee ?? (() => true), {
    // The same cookie must still name the same session: a signed-out window stops receiving.
    stillSignedIn: async (req, actor) => (await auth.authenticate(req))?.sessionId === actor.sessionId,
    recheckMs: options.sessionRecheckMs,
    onClose: options.onStreamClosed,
  });
  const database = databaseWatch(log, store.db.where);
  const inFlight = new Set<ServerResponse>();
  let allowed = new Set<string>();
  let closing: Promise<void> | null = null;
  let drained: (() => void) | null = null;

  const onUnavailable = (error: unknown) => database.down(error instanceof Error ? error.message : String(error));

  const route = async (req: IncomingMessage, res: ServerResponse, context: RequestContext): Promise<void> => {
    if (!hostAllowed(req, allowed)) {
      context.code = 'MISDIRECTED';
      return refuse(req, res, 421, 'MISDIRECTED', `this server answers for ${publicUrl.host} only`, headers);
    }
    const url = URL.parse(req.url ?? '/', publicUrl.origin);
    if (!url) return refuse(req, res, 400, 'INVALID_URL', 'the request URL cannot be parsed', headers);
    const path = url.pathname;
    if (path === '/healthz') return sendJson(res, 200, { ok: true, status: closing ? 'stopping' : 'up' }, headers);
    if (path === '/readyz') {
      const readiness = closing ? { ready: false as const, reason: 'the server is shutting down', detail: 'shutting down' } : await checkReadiness(store.db, options.migrationsDir);
      if (readiness.ready) {
        database.up();
        return sendJson(res, 200, { ok: true, status: 'ready', schema: readiness.schema }, headers);
      }
      if (readiness.reason === 'the database does not answer') database.down(readiness.detail);
      return sendJson(res, 503, { ok: false, status: 'not ready', reason: readiness.reason }, headers);
    }
    if (path === '/auth' || path.startsWith('/auth/')) {
      for (const [name, value] of Object.entries(authHeaders)) res.setHeader(name, value);
      if (await auth.handle(req, res, url)) return;
      return sendBody(res, 404, 'text/plain; charset=utf-8', 'not found', headers);
    }
    if (path === '/api/events') {
      if (req.method !== 'GET') {
        res.setHeader('Allow', 'GET');
        return refuse(req, res, 405, 'METHOD_NOT_ALLOWED', 'the event stream is read with GET', headers);
      }
      const actor = await auth.authenticate(req);
      if (!actor) return sendError(res, 401, (context.code = 'UNAUTHENTICATED'), 'sign in first: there is no session, or it has expired', headers);
      context.accountId = actor.account.id;
      // EventSource cannot send headers: the page passes its CSRF token in the query instead.
      if (!secretMatches(url.searchParams.get('token'), actor.csrfToken)) return sendError(res, 403, (context.code = 'CSRF'), 'the token parameter does not match this session', headers);
      inFlight.delete(res); // a stream is not a request shutdown waits for
      return streams.open(req, res, actor, headers);
    }
    if (path.startsWith('/api/')) return handleApiCall(req, res, url, { auth, api, headers, onUnavailable, onAvailable: () => database.up() }, context);
    return servePage(req, res, url, { auth, staticDir: options.staticDir, headers }, context);
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const context: RequestContext = { id: requestIdOf(req, options.trustProxy), ip: clientAddress(req, options.trustProxy) };
    res.setHeader('X-Request-Id', context.id);
    if (closing) res.setHeader('Connection', 'close');
    logOnFinish(log, req, res, context);
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (closing && inFlight.size === 0) drained?.();
    });
    route(req, res, context).catch((error: unknown) => {
      // A client that went away mid-body is not an error of ours; there is nobody to answer. (Not
      // `req.destroyed`: a request whose body was read to the end is auto-destroyed, yet waits for its answer.)
      if (res.destroyed || (error as NodeJS.ErrnoException).code === 'ECONNRESET') return;
      const kind = answerFailure(res, error, headers, context);
      if (kind === 'unavailable') onUnavailable(error);
      if (kind === 'internal') log.error({ reqId: context.id, err: scrubText(error instanceof Error ? (error.stack ?? error.message) : String(error)) }, 'unhandled error');
    });
  };

  const server: Server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handler) : createHttpServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`${options.listen.host}:${options.listen.port} is already in use`)
          : error.code === 'EADDRNOTAVAIL'
            ? new Error(`${options.listen.host} is not an address of this machine`)
            : error,
      ),
    );
    server.listen(options.listen.port, options.listen.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowed = allowedHosts(publicUrl, options.listen.host, port);
  const shownHost = options.listen.host.includes(':') ? `[${options.listen.host}]` : options.listen.host;
  const url = `${options.tls ? 'https' : 'http'}://${shownHost}:${port}/`;
  log.info({ listen: url, publicUrl: publicUrl.origin, tls: Boolean(options.tls), trustProxy: options.trustProxy }, 'team server listening');

  return {
    url,
    port,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        streams.closeAll();
        server.closeIdleConnections();
        if (inFlight.size > 0) {
          log.info({ inFlight: inFlight.size }, 'shutting down: finishing requests in flight');
          const grace = options.shutdownGraceMs ?? 10_000;
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([
            new Promise<void>((resolve) => (drained = resolve)),
            new Promise<void>((resolve) => (timer = setTimeout(resolve, grace))),
          ]);
          clearTimeout(timer);
          if (inFlight.size > 0) log.warn({ cut: inFlight.size, graceMs: grace }, 'shutting down: requests still running after the grace period were cut');
        }
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}
