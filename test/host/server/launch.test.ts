import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { createServer } from 'node:net';
import { after, test } from 'node:test';
import {
  DevApiError,
  EmbeddedServerStartError,
  launchEmbeddedServer,
  magicLinkTokenIn,
  type EmbeddedServer,
  type ServerLogLine,
} from '../../../host/server/index.js';
import { DEFECT_NAMES } from '../../../embedded-server/defects.js';
import { acquireDatabase } from '../../embedded-server/support/cluster.js';
import { leakingLines } from '../../embedded-server/support/log-scan.js';
import { groupAlive, waitForGroupExit } from '../../embedded-server/support/process-group.js';

// The launcher against the real main.ts: ready line, dev helpers, logs, clean stop, start failures.
const started: EmbeddedServer[] = [];
const databases: Array<{ url: string; release(): Promise<void> }> = [];
after(async () => {
  await Promise.all(started.map((s) => s.stop()));
  for (const db of databases) await db.release();
});

/** Whether a matching line arrives within `ms` (log lines travel through the child's stdout). */
async function logged(logs: ServerLogLine[], match: (line: ServerLogLine) => boolean, ms = 5_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!logs.some(match) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return logs.some(match);
}

/** A database on this file's own cluster, for launches that exercise DATABASE_URL instead of the embedded PostgreSQL. */
async function databaseUrl(prefix: string): Promise<string> {
  const db = await acquireDatabase(prefix);
  databases.push(db);
  return db.url;
}



function groupMembers(pgid: number): string {
  return execSync('ps -eo pid,pgid,ppid,stat,args').toString().split('\n').filter((l) => l.trim().split(/\s+/)[1] === String(pgid)).join('\n');
}

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

test('launches main.ts with an embedded PostgreSQL, exposes url, logs and dev helpers, and stops cleanly', async () => {
  const logs: ServerLogLine[] = [];
  const server = await launchEmbeddedServer({ port: 0, dev: true, onLog: (line) => logs.push(line) });
  started.push(server);
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(server.url, `http://127.0.0.1:${server.port}`);
  assert.ok(logs.some((l) => l.raw === `listening on ${server.url}`), 'the ready line is passed on too');
  const startedLine = logs.find((l) => l.msg === 'server started');
  assert.equal(startedLine?.level, 'info');
  assert.equal(startedLine?.fields.port, server.port);
  assert.ok(logs.some((l) => l.msg === 'embedded PostgreSQL ready'));

  await server.reset();
  assert.equal((await post(`${server.url}/auth/magic-link/request`, { email: 'Alice@Example.com' })).status, 202);
  const [email] = await server.outbox('alice@example.com');
  assert.ok(email);
  const token = magicLinkTokenIn(email);
  assert.match(token ?? '', /^[0-9a-f]{64}$/);
  const [row] = await server.tokens('alice@example.com');
  assert.equal(row?.used_at, null);
  assert.equal((await post(`${server.url}/auth/magic-link/verify`, { token })).status, 200);
  assert.notEqual((await server.dev.tokens('alice@example.com'))[0]?.used_at, null);
  // The server writes its log asynchronously, so a line can trail the HTTP answer it describes.
  assert.ok(await logged(logs, (l) => l.msg === 'token verified' && l.level === 'info'));
  assert.ok(await logged(logs, (l) => l.msg === 'magic link request received' && l.fields.emailDomain === 'example.com'));

  const exit = await server.stop();
  assert.equal(exit.code, 0);
  assert.ok(logs.some((l) => l.msg === 'stopped'), 'the server shut down by itself (no SIGKILL)');
  await waitForGroupExit(server.pid, 3_000);
  assert.ok(!groupAlive(server.pid), `no server or PostgreSQL process is left:\n${groupMembers(server.pid)}`);
  assert.deepEqual(await server.stop(), exit, 'stopping twice is harmless');
  assert.deepEqual(leakingLines(logs.map((l) => l.raw), [token!]), [], 'issue AC-6 for a real process log');
});

test('with a database URL and without dev: no embedded PostgreSQL, the helpers reject with 404', async () => {
  const logs: ServerLogLine[] = [];
  const server = await launchEmbeddedServer({ port: 0, dev: false, defect: 'no-expiry', databaseUrl: await databaseUrl('launch'), onLog: (l) => logs.push(l) });
  started.push(server);
  await assert.rejects(server.outbox(), (e: unknown) => e instanceof DevApiError && e.status === 404);
  assert.equal((await fetch(`${server.url}/__dev/reset`, { method: 'POST' })).status, 404);
  assert.equal((await post(`${server.url}/auth/login`, { email: 'alice@example.com', password: 'correct-horse-battery-staple' })).status, 200, 'migrated and seeded');
  assert.ok(!logs.some((l) => l.msg === 'embedded PostgreSQL ready'));
  assert.ok(logs.some((l) => l.msg === 'server started' && l.fields.defect === 'no-expiry'));
  assert.equal((await server.stop()).code, 0);
});

test('a port in use fails with a message naming the port', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  try {
    const error: unknown = await launchEmbeddedServer({ port, dev: true }).then(
      () => assert.fail('it started'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof EmbeddedServerStartError);
    assert.equal(error.exitCode, 1);
    assert.match(error.message, new RegExp(`port ${port} is already in use`));
  } finally {
    blocker.close();
  }
});

test('an unreachable DATABASE_URL fails with the host and the driver reason, never the password', async () => {
  const error: unknown = await launchEmbeddedServer({ port: 0, dev: false, databaseUrl: 'postgres://app:s3cr3t-pw@127.0.0.1:1/app' }).then(
    () => assert.fail('it started'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof EmbeddedServerStartError);
  assert.equal(error.exitCode, 1);
  assert.match(error.message, /127\.0\.0\.1:1/);
  assert.match(error.message, /ECONNREFUSED/);
  assert.doesNotMatch(error.message, /s3cr3t/);
});

test('an unknown defect fails with exit code 2 listing the valid names', async () => {
  const error: unknown = await launchEmbeddedServer({ port: 0, dev: false, defect: 'made-up' }).then(
    () => assert.fail('it started'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof EmbeddedServerStartError);
  assert.equal(error.exitCode, 2);
  assert.equal(DEFECT_NAMES.length, 12);
  for (const name of DEFECT_NAMES) assert.ok(error.message.includes(name), name);
});

test('aborting the signal during startup rejects and leaves nothing running', async () => {
  const controller = new AbortController();
  // Abort once the database is migrated but before the server is ready: mid-startup.
  const launching = launchEmbeddedServer({
    port: 0,
    dev: true,
    databaseUrl: await databaseUrl('abort'),
    signal: controller.signal,
    onLog: (line) => line.msg === 'migrations applied' && controller.abort(),
  });
  const error: unknown = await launching.then(
    () => assert.fail('it started'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof EmbeddedServerStartError && error.pid !== undefined);
  assert.match(error.message, /aborted/);
  await waitForGroupExit(error.pid, 15_000);
  assert.ok(!groupAlive(error.pid), `the server and its PostgreSQL are gone:\n${groupMembers(error.pid)}`);
});
