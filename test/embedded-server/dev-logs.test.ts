import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../embedded-server/app.js';
import { createClock } from '../../embedded-server/clock.js';
import { migrate } from '../../embedded-server/db/migrate.js';
import { createPool, endPool } from '../../embedded-server/db/pool.js';
import { seedDemoUsers } from '../../embedded-server/db/seed.js';
import { DevLogBuffer, teeDestination } from '../../embedded-server/dev-log-buffer.js';
import { createLogger } from '../../embedded-server/log.js';
import { acquireDatabase } from './support/cluster.js';
import { call, post, uniqueEmail } from './support/http.js';

let server: Server;
let baseUrl = '';
let close: () => Promise<void>;
const copy: string[] = [];

before(async () => {
  const database = await acquireDatabase('dev_logs');
  const buffer = new DevLogBuffer();
  const logger = createLogger({ level: 'info', destination: teeDestination({ write: (c: string) => void copy.push(c) }, buffer) });
  const pool = createPool(database.url, logger, 4);
  await migrate(pool);
  await seedDemoUsers(pool, createClock());
  server = createApp({ pool, logger, dev: true, appBaseUrl: () => baseUrl, logBuffer: buffer }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await endPool(pool);
    await database.release();
  };
});
after(() => close());

test('GET /__dev/logs serves the log lines with level names; reset empties it; the tee still writes the other copy', async () => {
  const answer = await post(baseUrl, '/auth/magic-link/verify', { token: 'a'.repeat(64) });
  assert.equal(answer.status, 400);
  const logs = (await call(baseUrl, 'GET', '/__dev/logs')).body as Array<{ level: string; msg: string }>;
  assert.ok(logs.some((l) => l.level === 'warn' && l.msg === 'invalid token presented'), JSON.stringify(logs));
  assert.ok(copy.join('').includes('invalid token presented'));
  assert.equal((await call(baseUrl, 'POST', '/__dev/reset')).status, 204);
  await post(baseUrl, '/auth/magic-link/request', { email: uniqueEmail('logs') });
  const after = (await call(baseUrl, 'GET', '/__dev/logs')).body as Array<{ msg: string }>;
  assert.ok(!after.some((l) => l.msg === 'invalid token presented'), 'reset cleared the buffer');
  assert.ok(after.some((l) => l.msg === 'magic link request received'));
});
