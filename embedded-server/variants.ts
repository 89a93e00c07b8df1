import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createApp } from './app.js';
import { createClock } from './clock.js';
import { DEFECT_NAMES, isDefectName, type DefectName } from './defects.js';
import { DevLogBuffer } from './dev-log-buffer.js';
import { startEmbeddedCluster, type EmbeddedCluster } from './db/embedded-postgres.js';
import { migrate } from './db/migrate.js';
import { createPool, endPool } from './db/pool.js';
import { seedDemoUsers } from './db/seed.js';
import { createLogger } from './log.js';

/**
 * Many variants of the server in one process for mutation runs (`specbench validate
 * --all-defects`): ONE embedded PostgreSQL, a template database migrated and seeded once, and a
 * database per variant cloned from it (`CREATE DATABASE … TEMPLATE`, milliseconds instead of an
 * initdb per variant). Each variant is the normal app with `--dev` on its own loopback port and
 * its own log buffer. Prints `variant NAME URL` per variant, then `variants ready`; stops on
 * SIGTERM, SIGINT or when stdin closes. Usage: variants.ts --variants correct,no-expiry|all
 */
const { values } = parseArgs({ options: { variants: { type: 'string', default: 'correct' } }, strict: true });
const requested = values.variants === 'all' ? ['correct', ...DEFECT_NAMES] : values.variants.split(',').filter((v) => v !== '');
const unknown = requested.filter((v) => v !== 'correct' && !isDefectName(v));
if (unknown.length > 0 || requested.length === 0) {
  process.stderr.write(`unknown variant ${unknown.join(', ')}; valid: correct, ${DEFECT_NAMES.join(', ')}\n`);
  process.exit(2);
}

const quiet = createLogger({ level: 'silent' });
let cluster: EmbeddedCluster | undefined;
const running: { server: Server; pool: pg.Pool }[] = [];

async function exec(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: cluster!.connectionString() });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

async function start(): Promise<void> {
  cluster = await startEmbeddedCluster({ logger: quiet });
  const template = `tmpl_${randomBytes(3).toString('hex')}`;
  await exec(`CREATE DATABASE ${template}`);
  const templatePool = createPool(cluster.connectionString(template), quiet, 2);
  await migrate(templatePool);
  await seedDemoUsers(templatePool, createClock());
  await endPool(templatePool);
  for (const name of requested) {
    const database = `v_${name.replace(/-/g, '_')}`;
    await exec(`CREATE DATABASE ${database} TEMPLATE ${template}`);
    const logBuffer = new DevLogBuffer();
    const logger = createLogger({ level: 'info', destination: logBuffer });
    // Six connections: enough concurrency for a race to show (verify-race), and 13 variants stay under max_connections.
    const pool = createPool(cluster.connectionString(database), logger, 6);
    let url = '';
    const app = createApp({ pool, logger, dev: true, defect: name === 'correct' ? undefined : (name as DefectName), appBaseUrl: () => url, logBuffer, clock: createClock() });
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    running.push({ server, pool });
    process.stdout.write(`variant ${name} ${url}\n`);
  }
  process.stdout.write('variants ready\n');
}

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const { server, pool } of running) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await endPool(pool).catch(() => undefined);
  }
  await cluster?.stop().catch(() => undefined);
  process.exit(code);
}

process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
process.stdin.on('close', () => void stop(0));
process.stdin.resume();
start().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  void stop(1);
});
