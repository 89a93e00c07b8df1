import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ComputePool } from '../compute/compute-pool.js';
import { rendererDist } from '../paths.js';
import { openPgStore, type PgStore } from '../store/pg/pg-store.js';
import { createTeamApi } from './api/team-api.js';
import { createTeamAuth, type TeamAuth } from './auth/team-auth.js';
import { createPgEvents } from './events/pg-events.js';
import { createPresence } from './events/presence.js';
import type { ListenPolicy } from './server/listen-policy.js';
import { clientAddress } from './server/client-address.js';
import type { Logger } from './server/request-log.js';
import { startTeamServer, type TeamServer } from './server/team-server.js';
import type { TeamEvents } from './team-types.js';

export interface TeamServeOptions {
  databaseUrl: string;
  policy: ListenPolicy;
  /** PEM contents read by the caller (so a bad path is a usage error before anything connects). */
  tls?: { cert: Buffer; key: Buffer };
  smtpUrl?: string;
  log: Logger;
  staticDir?: string;
  /** Shutdown grace for requests in flight (default 10 s). */
  shutdownGraceMs?: number;
}

export interface RunningTeamServer {
  server: TeamServer;
  store: PgStore;
  /** Stops taking requests, finishes those in flight, then closes events, accounts, workers and the pool, in that order. */
  close(): Promise<void>;
}

/**
 * The composition root of `specbench team serve`: it creates every long-lived service
 * (PostgreSQL store, events, accounts, compute pool, team API), hands them to the HTTP server and
 * owns their shutdown. Fails before listening when the database is unreachable
 * (DATABASE_UNAVAILABLE naming host and reason) or newer than this binary (DB_NEWER).
 */
export async function serveTeam(options: TeamServeOptions): Promise<RunningTeamServer> {
  const { log, policy } = options;
  const staticDir = options.staticDir ?? rendererDist;
  if (!existsSync(join(staticDir, 'index.html'))) log.warn({ staticDir }, 'the workbench UI is not built (npm run build:renderer): only the API, /auth and the probes answer');

  // Connecting and migrating (under the advisory lock) happen here; a 5 s connect timeout keeps a dead host under the 10 s start-up budget.
  const store = await openPgStore(options.databaseUrl, { connectionTimeoutMs: 5_000 });
  log.info({ database: store.db.where }, 'database ready');
  const disposers: Array<{ name: string; close: () => Promise<void> }> = [{ name: 'store', close: () => store.close() }];
  const dispose = async () => {
    for (const { name, close } of disposers.reverse()) {
      try {
        await close();
      } catch (error) {
        log.warn({ service: name, reason: error instanceof Error ? error.message : String(error) }, 'shutting down a service failed');
      }
    }
    disposers.length = 0;
  };
  try {
    const events: TeamEvents = await createPgEvents(store.db);
    disposers.push({ name: 'events', close: () => events.close() });
    const auth: TeamAuth = createTeamAuth({
      db: store.db,
      publicUrl: policy.publicUrl.origin,
      secureCookies: policy.secureCookies,
      smtpUrl: options.smtpUrl,
      log,
      // Behind a proxy every browser shares the proxy's address: rate limits count the forwarded one.
      clientAddress: (req) => clientAddress(req, policy.trustProxy),
    });
    disposers.push({ name: 'auth', close: () => auth.close() });
    const compute = new ComputePool();
    disposers.push({ name: 'compute', close: () => compute.dispose() });
    // Presence: who has which spec open, kept in the database so every process agrees.
    const presence = createPresence(store.db, events);
    const stopSweeping = presence.startSweeping((error) => log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'presence sweep failed'));
    disposers.push({ name: 'presence', close: async () => stopSweeping() });
    const api = createTeamApi({
      store,
      events,
      compute,
      handlers: { 'team.presence.set': (ctx, args) => presence.set(ctx.actor, args) },
      onPublishError: (error) => log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'a live event was not published'),
    });
    const server = await startTeamServer({
      store,
      auth,
      api,
      events,
      staticDir,
      listen: { host: policy.host, port: policy.port },
      publicUrl: policy.publicUrl,
      tls: options.tls,
      trustProxy: policy.trustProxy,
      log,
      shutdownGraceMs: options.shutdownGraceMs,
      onStreamClosed: (actor) => void presence.leave(actor.sessionId).catch(() => {}),
    });
    let closing: Promise<void> | null = null;
    return {
      server,
      store,
      close() {
        closing ??= (async () => {
          await server.close();
          await dispose();
          log.info('team server stopped');
        })();
        return closing;
      },
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}
