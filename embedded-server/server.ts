import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer, type RequestListener, type Server } from 'node:http';
import type pg from 'pg';
import { createApp } from './app.js';
import { createClock } from './clock.js';
import type { DefectName } from './defects.js';
import type { DevLogBuffer } from './dev-log-buffer.js';
import { createSmtpEmailService } from './email/smtp-email-service.js';
import { startEmbeddedCluster, type EmbeddedCluster } from './db/embedded-postgres.js';
import { createAvailability, type DatabaseAvailability } from './db/availability.js';
import { migrate } from './db/migrate.js';
import { assertReachable, createPool, endPool } from './db/pool.js';
import { seedDemoUsers } from './db/seed.js';
import type { Logger } from './log.js';

export interface ServerConfig {
  port: number;
  /** An existing PostgreSQL; without it an embedded one is started. */
  databaseUrl?: string;
  dataDir?: string;
  defect?: DefectName;
  dev: boolean;
  /** Defaults to the listening origin, http://127.0.0.1:PORT. */
  appBaseUrl?: string;
  jwtSecret?: Buffer;
  poolMax?: number;
  /** Cap of the reconnect backoff with `databaseUrl` (default 5 s). */
  reconnectMaxDelayMs?: number;
  /** Kept for `GET /__dev/logs` (main.ts tees the logger into it with `--dev`). */
  logBuffer?: DevLogBuffer;
  /** Send emails over SMTP (`SMTP_URL`) instead of into the PostgreSQL outbox. */
  smtpUrl?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Closes the HTTP server, the pool, then the embedded PostgreSQL. Safe to call twice. */
  stop(): Promise<void>;
}

export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

const HOST = '127.0.0.1';

/** The listening socket (answering 503 until ready), PostgreSQL (embedded unless a URL is given), migrations, demo users, the app. */
export async function startServer(config: ServerConfig, logger: Logger): Promise<RunningServer> {
  const started = Date.now();
  let cluster: EmbeddedCluster | undefined;
  let pool: pg.Pool | undefined;
  let server: Server | undefined;
  let availability: DatabaseAvailability | undefined;
  const cleanup = async (): Promise<void> => {
    availability?.stop();
    if (server) await closeServer(server);
    if (pool) await endPool(pool).catch(() => undefined);
    await cluster?.stop();
  };

  try {
    // The port first: a port in use fails before PostgreSQL is started, and the link origin is known.
    const app: { handle: RequestListener } = { handle: (_req, res) => res.writeHead(503, JSON_HEADERS).end('{"error":"STARTING"}') };
    server = await listen((req, res) => app.handle(req, res), config.port);
    const port = (server.address() as AddressInfo).port;
    const url = `http://${HOST}:${port}`;

    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      cluster = await startEmbeddedCluster({ dataDir: config.dataDir, logger });
      databaseUrl = cluster.connectionString();
    }
    pool = createPool(databaseUrl, logger, config.poolMax);
    await assertReachable(pool, databaseUrl);
    const migrationsStarted = Date.now();
    const applied = await migrate(pool);
    logger.info({ applied, ms: Date.now() - migrationsStarted }, 'migrations applied');
    const clock = createClock();
    await seedDemoUsers(pool, clock);
    availability = watchDatabase(pool, cluster, logger, config.reconnectMaxDelayMs);

    const baseUrl = config.appBaseUrl ?? url;
    app.handle = createApp({
      pool,
      logger,
      dev: config.dev,
      defect: config.defect,
      clock,
      appBaseUrl: baseUrl,
      jwtSecret: config.jwtSecret ?? randomBytes(32),
      // Secure unless plain http on loopback in dev: this server only ever serves plain http on loopback.
      secureCookies: !config.dev,
      availability,
      logBuffer: config.logBuffer,
      emailService: config.smtpUrl ? createSmtpEmailService(config.smtpUrl) : undefined,
    });
    logger.info({ port, dev: config.dev, defect: config.defect, ms: Date.now() - started }, 'server started');
    let stopping: Promise<void> | undefined;
    return { url, port, stop: () => (stopping ??= cleanup()) };
  } catch (error) {
    await cleanup().catch(() => undefined);
    throw error;
  }
}

/**
 * FR-6: a dead embedded PostgreSQL is restarted on the same port (the pool reconnects unchanged);
 * an external one is probed until it answers. Both with capped exponential backoff.
 */
function watchDatabase(pool: pg.Pool, cluster: EmbeddedCluster | undefined, logger: Logger, maxDelayMs = 5_000): DatabaseAvailability {
  const availability = createAvailability({
    logger,
    probe: async () => {
      await pool.query('SELECT 1');
    },
    repair: cluster ? async () => (cluster.isRunning() ? undefined : cluster.restart()) : undefined,
    initialDelayMs: cluster ? 100 : 250,
    maxDelayMs: cluster ? 2_000 : maxDelayMs,
  });
  cluster?.onUnexpectedExit((reason) => availability.reportDown(reason));
  return availability;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

function listen(handler: RequestListener, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(handler);
    server.listen(port, HOST);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(`port ${port} is already in use on ${HOST} (--port 0 picks a free one)`)
          : error,
      );
    });
  });
}

/** Stops accepting, lets in-flight requests finish, and drops idle keep-alive connections. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeIdleConnections();
    // A client that keeps a request open must not hold the shutdown forever.
    setTimeout(() => server.closeAllConnections(), 3_000).unref();
  });
}
