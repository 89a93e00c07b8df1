import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadMigrations } from '../../../../host/db/migrate.js';
import { defaultPgMigrationsDir, migratePg } from '../../../../host/db/pg/migrate-pg.js';
import { openPgDatabase } from '../../../../host/db/pg/pg-database.js';
import { runCli } from '../../../../host/cli/main.js';
import { appRoot } from '../../../../host/paths.js';
import { acquireDatabase } from '../../../embedded-server/support/cluster.js';

// `specbench team serve` as a process: start-up failures (exit 1 naming host and reason, exit 2
// for plain HTTP off loopback), a clean run with SIGTERM → exit 0, and logs without secrets.

const bin = join(appRoot, 'host/cli/bin.mjs');
const env = { ...process.env, SPECBENCH_CLI_SOURCE: '1', SPECBENCH_DATABASE_URL: '', SPECBENCH_PUBLIC_URL: '' };
const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: appRoot, encoding: 'utf8', env, timeout: 30_000 });

let keeper: Awaited<ReturnType<typeof acquireDatabase>>;
before(async () => {
  keeper = await acquireDatabase('team_cli');
});
after(() => keeper.release());

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test('an unreachable database: exit 1 within 10 s, one line naming the host and the reason, never the password', async () => {
  const port = await freePort();
  const started = Date.now();
  const run = cli(['team', 'serve', '--database-url', `postgres://specbench:s3cret-pw@127.0.0.1:${port}/team`, '--public-url', 'http://127.0.0.1:8080', '--listen', '127.0.0.1:0']);
  const elapsed = Date.now() - started;
  assert.equal(run.status, 1, run.stderr);
  assert.ok(elapsed < 10_000, `took ${elapsed} ms`);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0]!, new RegExp(`127\\.0\\.0\\.1:${port}/team.*connection refused`));
  assert.doesNotMatch(run.stderr + run.stdout, /s3cret-pw/);
});

test('plain HTTP on a non-loopback address without --trust-proxy is refused with exit 2 and an explanation, before connecting', () => {
  const run = cli(['team', 'serve', '--database-url', 'postgres://u:p@127.0.0.1:1/x', '--listen', '0.0.0.0:8080', '--public-url', 'https://specs.example.com']);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /refusing plain HTTP on 0\.0\.0\.0:8080.*--tls-cert.*--trust-proxy/);
});

test('usage errors exit 2: no subcommand, unknown one, missing database URL, bad email or role', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['team'], /needs a subcommand/],
    [['team', 'frobnicate'], /unknown team subcommand "frobnicate"/],
    [['team', 'serve', '--public-url', 'http://127.0.0.1:8080'], /--database-url .* is required/],
    [['team', 'serve', '--database-url', 'mysql://x/y', '--public-url', 'http://127.0.0.1:8080'], /postgres:\/\//],
    [['team', 'user', 'add', 'not-an-email', '--role', 'admin'], /EMAIL must be an email address/],
    [['team', 'user', 'add', 'a@example.com', '--role', 'boss'], /--role must be one of admin, author, reviewer, productops/],
  ];
  for (const [args, message] of cases) {
    // In process (the same runCli the binary runs): six spawns would cost half a minute on a busy machine.
    let stderr = '';
    const io = { stdout: () => {}, stderr: (text: string) => void (stderr += text), cwd: appRoot, env: { SPECBENCH_DATABASE_URL: '' } };
    assert.equal(await runCli(args, io), 2, `${args.join(' ')}: ${stderr}`);
    assert.match(stderr, message, args.join(' '));
  }
});

test('a database written by a newer Specbench: refused with exit 1 naming both schema versions', async (t) => {
  const database = await acquireDatabase('team_newer');
  const db = openPgDatabase(database.url, { max: 1 });
  t.after(async () => {
    await db.close();
    await database.release();
  });
  await migratePg(db);
  const known = loadMigrations(defaultPgMigrationsDir).length;
  await db.rows("INSERT INTO schema_migrations (version, name) VALUES ($1, 'from-the-future')", [known + 1]);
  const run = cli(['team', 'serve', '--database-url', database.url, '--public-url', 'http://127.0.0.1:8080', '--listen', '127.0.0.1:0']);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, new RegExp(`${known + 1}.*${known}`));
});

/** Resolves with the parsed JSON log lines once `predicate` sees one, or rejects at the deadline. */
function waitForLine(child: ChildProcess, lines: Array<Record<string, unknown>>, predicate: (line: Record<string, unknown>) => boolean, ms: number): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no such log line within ${ms} ms; saw ${JSON.stringify(lines)}`)), ms);
    const check = () => {
      const found = lines.find(predicate);
      if (found) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve(found);
      }
    };
    child.stdout!.on('data', check);
    check();
  });
}

test('serve: probes answer, the API needs a session, SIGTERM finishes with exit 0, and the log holds no secret', async (t) => {
  const database = await acquireDatabase('team_serve');
  t.after(() => database.release());
  const password = new URL(database.url).password;
  const child = spawn(process.execPath, [bin, 'team', 'serve', '--listen', '127.0.0.1:0', '--public-url', 'http://127.0.0.1:8080'], {
    cwd: appRoot,
    env: { ...env, SPECBENCH_DATABASE_URL: database.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => void (child.exitCode === null && child.kill('SIGKILL')));
  let stdout = '';
  let stderr = '';
  const lines: Array<Record<string, unknown>> = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    const complete = stdout.split('\n').slice(0, -1);
    lines.splice(0, lines.length, ...complete.map((l) => JSON.parse(l) as Record<string, unknown>));
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const listening = await waitForLine(child, lines, (l) => l.msg === 'team server listening', 30_000);
  const base = String(listening.listen);
  assert.equal((await fetch(`${base}healthz`)).status, 200);
  assert.equal((await fetch(`${base}readyz`)).status, 200);
  const api = await fetch(`${base}api/specs.list`, { method: 'POST', headers: { Cookie: 'team_session=guess-me-123', 'X-Specbench-Token': 'tok-xyz-987' }, body: '{}' });
  assert.equal(api.status, 401);
  assert.ok(api.headers.get('x-request-id'));
  await fetch(`${base}api/events?token=query-secret-456`);

  child.kill('SIGTERM');
  const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 15_000))]);
  assert.equal(code, 0, `exit ${code}; stderr: ${stderr}`);
  assert.ok(lines.some((l) => l.msg === 'team server stopped'), stdout);
  const request = lines.find((l) => l.msg === 'request' && l.path === '/api/specs.list');
  assert.ok(request && request.status === 401 && request.reqId === api.headers.get('x-request-id'), 'the request is logged with its id');
  for (const secret of [password, 'guess-me-123', 'tok-xyz-987', 'query-secret-456']) assert.ok(!stdout.includes(secret) && !stderr.includes(secret), `the output holds ${secret}`);
});
