import { after, before } from 'node:test';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pg from 'pg';
import { createApp } from '../../../embedded-server/app.js';
import type { DefectName } from '../../../embedded-server/defects.js';
import { migrate } from '../../../embedded-server/db/migrate.js';
import { createPool, endPool } from '../../../embedded-server/db/pool.js';
import { seedDemoUsers } from '../../../embedded-server/db/seed.js';
import { createClock } from '../../../embedded-server/clock.js';
import { createLogger } from '../../../embedded-server/log.js';
import { createDevApiClient, type DevApiClient } from '../../../host/server/dev-api.js';
import { acquireDatabase } from './cluster.js';

/** What every check gets besides the base URL: the dev API and the server's log so far. */
export interface CheckDevApi extends DevApiClient {
  logs(): readonly string[];
}

export interface TestServer {
  baseUrl: string;
  dev: CheckDevApi;
  /** Every log line of this server, in order. */
  logLines: string[];
  /** A pool on the server's database, for assertions the dev API cannot make. */
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface TestServerOptions {
  defect?: DefectName;
  dev?: boolean;
}

/** createApp in process on its own database, listening on a free port, logs captured in memory. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = await acquireDatabase(options.defect ?? 'correct');
  const logLines: string[] = [];
  // debug: the scans of AC-6 then cover every line the server can write, access log included.
  const logger = createLogger({
    level: 'debug',
    destination: { write: (chunk: string) => void logLines.push(...chunk.split('\n').filter((l) => l.length > 0)) },
  });
  const pool = createPool(database.url, logger, 10);
  await migrate(pool);
  const clock = createClock();
  await seedDemoUsers(pool, clock);
  let baseUrl = '';
  const app = createApp({ pool, logger, clock, dev: options.dev ?? true, defect: options.defect, appBaseUrl: () => baseUrl });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dev = createDevApiClient(baseUrl);
  return {
    baseUrl,
    dev: { ...dev, logs: () => logLines },
    logLines,
    pool,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await endPool(pool);
      await database.release();
    },
  };
}

/** Starts a server before the file's tests and closes it after them; call at the top level of a test file. */
export function useTestServer(options: TestServerOptions = {}): () => TestServer {
  let server: TestServer | undefined;
  before(async () => {
    server = await startTestServer(options);
  });
  after(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the test server is not running (useTestServer must be called at the top level)');
    return server;
  };
}
