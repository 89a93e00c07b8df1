import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { operationNames } from '../../../../core/contract/operation-names.js';
import { HostError } from '../../../../host/common/host-error.js';
import { loadMigrations } from '../../../../host/db/migrate.js';
import { defaultPgMigrationsDir } from '../../../../host/db/pg/migrate-pg.js';
import { openPgStore, type PgStore } from '../../../../host/store/pg/pg-store.js';
import { createPgEvents } from '../../../../host/team/events/pg-events.js';
import { createTeamLogger } from '../../../../host/team/server/request-log.js';
import { startTeamServer, type TeamServer } from '../../../../host/team/server/team-server.js';
import type { TeamEvents } from '../../../../host/team/team-types.js';
import { acquireDatabase } from '../../../embedded-server/support/cluster.js';
import { tempDir } from '../../../support/temp-dir.js';
import { CSRF_TOKEN, SESSION_COOKIE, SESSION_SECRET, fakeApi, fakeAuth, logSink, raw, signedIn } from './support.js';

const PUBLIC = 'https://specs.example.test';
let database: Awaited<ReturnType<typeof acquireDatabase>>;
let store: PgStore;
let events: TeamEvents;
let server: TeamServer;
let base: string;
const sink = logSink();
const api = fakeApi({
  'boom.unavailable': async () => {
    throw new HostError('DATABASE_UNAVAILABLE', 'the database at db.internal:5432/team cannot be reached: connection refused');
  },
  'envelope.unavailable': async () => ({ status: 503, envelope: { ok: false, error: { code: 'DATABASE_UNAVAILABLE', message: 'gone' } } }),
  'boom.bug': async () => {
    throw new TypeError('secret internals of alice@example.com');
  },
});
const auth = fakeAuth();
const staticDir = tempDir('specbench-team-static-');

before(async () => {
  database = await acquireDatabase('team_server');
  store = await openPgStore(database.url, { max: 4 });
  events = await createPgEvents(store.db);
  writeFileSync(join(staticDir, 'index.html'), '<html><head><meta name="specbench-token" content="%SPECBENCH_TOKEN%" /></head></html>');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'app-3f9a.js'), 'console.log(1)');
  server = await startTeamServer({
    store,
    auth,
    api,
    events,
    staticDir,
    listen: { host: '127.0.0.1', port: 0 },
    publicUrl: PUBLIC,
    trustProxy: false,
    log: createTeamLogger({ destination: sink }),
    canSee: (_actor, event) => event.specId !== 2,
  });
  base = server.url.replace(/\/$/, '');
});

after(async () => {
  await server?.close();
  await events?.close();
  await store?.close();
  await database?.release();
});

describe('probes', () => {
  test('/healthz answers 200 while the process is up', async () => {
    const res = await fetch(`${base}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { ok: true, status: 'up' });
  });

  test('/readyz answers 200 with the schema when every migration is applied', async () => {
    const res = await fetch(`${base}/readyz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { ok: true, status: 'ready', schema: loadMigrations(defaultPgMigrationsDir).length });
  });

  test('/readyz answers 503 naming pending migrations on a database that was not migrated', async (t) => {
    const other = await acquireDatabase('team_unmigrated');
    const bare = await openPgStore(other.url, { migrate: false, max: 2 });
    const probe = await startTeamServer({ store: bare, auth, api, events, staticDir: tempDir('specbench-team-empty-', t), listen: { host: '127.0.0.1', port: 0 }, publicUrl: PUBLIC, trustProxy: false, log: createTeamLogger({ level: 'silent' }) });
    t.after(async () => {
      await probe.close();
      await bare.close();
      await other.release();
    });
    const res = await fetch(`${probe.url}readyz`);
    assert.equal(res.status, 503);
    const body = (await res.json()) as { reason: string };
    assert.match(body.reason, /migrations pending: the database is at schema 0, this binary needs \d+/);
  });
});

describe('the API without a session', () => {
  test('every contract operation (and an unknown name) answers 401 UNAUTHENTICATED and reaches nothing', async () => {
    const before = api.calls.length;
    for (const name of [...operationNames, 'no.such.operation', 'specs.list%2F..']) {
      const res = await fetch(`${base}/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Specbench-Token': CSRF_TOKEN }, body: '{}' });
      assert.equal(res.status, 401, name);
      const body = (await res.json()) as { ok: boolean; error: { code: string } };
      assert.deepEqual([body.ok, body.error.code], [false, 'UNAUTHENTICATED'], name);
    }
    assert.equal(api.calls.length, before, 'no call reached the API');
  });

  test('a wrong session cookie is no session', async () => {
    const res = await fetch(`${base}/api/specs.list`, { method: 'POST', headers: { Cookie: 'team_session=guess', 'X-Specbench-Token': CSRF_TOKEN }, body: '{}' });
    assert.equal(res.status, 401);
  });
});

describe('state changes only by POST, with the CSRF header', () => {
  test('GET and PUT on /api/<op> answer 405, with or without a session', async () => {
    for (const [method, headers] of [['GET', {}], ['GET', signedIn({ 'X-Specbench-Token': CSRF_TOKEN })], ['PUT', signedIn({ 'X-Specbench-Token': CSRF_TOKEN })], ['DELETE', {}]] as const) {
      const res = await fetch(`${base}/api/x`, { method, headers });
      assert.equal(res.status, 405, method);
      assert.equal(res.headers.get('allow'), 'POST');
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'METHOD_NOT_ALLOWED');
    }
  });

  test('a signed-in call without the X-Specbench-Token header, or with another one, is 403 CSRF and reaches nothing', async () => {
    const before = api.calls.length;
    for (const headers of [signedIn(), signedIn({ 'X-Specbench-Token': 'csrf-not-this-one' }), signedIn({ 'X-Specbench-Token': '' })]) {
      const res = await fetch(`${base}/api/specs.create`, { method: 'POST', headers, body: '{"title":"x"}' });
      assert.equal(res.status, 403);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'CSRF');
    }
    assert.equal(api.calls.length, before);
  });

  test('with the session and its token the call reaches the API as that account, with its arguments', async () => {
    const res = await fetch(`${base}/api/specs.get`, { method: 'POST', headers: signedIn({ 'X-Specbench-Token': CSRF_TOKEN }), body: '{"id":7}' });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { ok: true, value: { name: 'specs.get', args: { id: 7 } } });
    const last = api.calls.at(-1)!;
    assert.equal(last.actor.account.email, 'alice@example.com');
    assert.deepEqual(last.args, { id: 7 });
  });

  test('a body that is not JSON is 400 INVALID_JSON', async () => {
    const res = await fetch(`${base}/api/specs.get`, { method: 'POST', headers: signedIn({ 'X-Specbench-Token': CSRF_TOKEN }), body: '{nope' });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'INVALID_JSON');
  });
});

describe('failures', () => {
  test('DATABASE_UNAVAILABLE, thrown or answered, is 503 without the host in the answer', async () => {
    for (const name of ['boom.unavailable', 'envelope.unavailable']) {
      const res = await fetch(`${base}/api/${name}`, { method: 'POST', headers: signedIn({ 'X-Specbench-Token': CSRF_TOKEN }), body: '{}' });
      assert.equal(res.status, 503, name);
      const body = (await res.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'DATABASE_UNAVAILABLE');
      assert.doesNotMatch(body.error.message, /db\.internal/);
    }
  });

  test('an unexpected error is 500 INTERNAL quoting the request id, not the error', async () => {
    const res = await fetch(`${base}/api/boom.bug`, { method: 'POST', headers: signedIn({ 'X-Specbench-Token': CSRF_TOKEN }), body: '{}' });
    assert.equal(res.status, 500);
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'INTERNAL');
    assert.ok(body.error.message.includes(res.headers.get('x-request-id')!));
    assert.doesNotMatch(body.error.message, /secret internals/);
  });
});

describe('Host header and security headers', () => {
  test('a foreign Host is refused with 421; the public host and loopback forms are served', async () => {
    const port = new URL(base).port;
    assert.equal((await raw(`${base}/healthz`, { headers: { Host: 'evil.example' } })).status, 421);
    assert.equal((await raw(`${base}/healthz`, { headers: { Host: `evil.example:${port}` } })).status, 421);
    assert.equal((await raw(`${base}/healthz`, { headers: { Host: 'specs.example.test' } })).status, 200);
    assert.equal((await raw(`${base}/healthz`, { headers: { Host: `localhost:${port}` } })).status, 200);
  });

  test('every answer carries the security headers and a fresh X-Request-Id', async () => {
    const ids = new Set<string>();
    for (const path of ['/healthz', '/api/specs.list', '/', '/nope', '/auth/sign-in']) {
      const res = await fetch(`${base}${path}`, { method: path.startsWith('/api') ? 'POST' : 'GET', redirect: 'manual' });
      for (const header of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'strict-transport-security']) {
        assert.ok(res.headers.get(header), `${path}: ${header}`);
      }
      ids.add(res.headers.get('x-request-id')!);
    }
    assert.equal(ids.size, 5);
  });
});

describe('client address', () => {
  const ipOf = (lines: string[], id: string) => lines.map((l) => JSON.parse(l) as { reqId?: string; ip?: string; msg: string }).find((l) => l.msg === 'request' && l.reqId === id)?.ip;

  test('X-Forwarded-For and a proxy request id are ignored unless --trust-proxy; then honoured', async (t) => {
    const spoof = { 'X-Forwarded-For': '203.0.113.9', 'X-Request-Id': 'proxy-req-1' };
    const direct = await fetch(`${base}/healthz`, { headers: spoof });
    const directId = direct.headers.get('x-request-id')!;
    assert.notEqual(directId, 'proxy-req-1');
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(ipOf(sink.lines, directId), '127.0.0.1');

    const proxiedSink = logSink();
    const proxied = await startTeamServer({ store, auth, api, events, staticDir, listen: { host: '127.0.0.1', port: 0 }, publicUrl: PUBLIC, trustProxy: true, log: createTeamLogger({ destination: proxiedSink }) });
    t.after(() => proxied.close());
    const res = await fetch(`${proxied.url}healthz`, { headers: { 'X-Forwarded-For': '198.51.100.1, 203.0.113.9', 'X-Request-Id': 'proxy-req-1' } });
    assert.equal(res.headers.get('x-request-id'), 'proxy-req-1');
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(ipOf(proxiedSink.lines, 'proxy-req-1'), '203.0.113.9', 'the entry our proxy appended, not the one the client sent');
  });
});

describe('pages and /auth', () => {
  test('/ without a session redirects to sign-in; with one it carries the session CSRF token', async () => {
    const anonymous = await fetch(`${base}/`, { redirect: 'manual' });
    assert.equal(anonymous.status, 302);
    assert.equal(anonymous.headers.get('location'), '/auth/sign-in');
    const page = await fetch(`${base}/`, { headers: { Cookie: SESSION_COOKIE } });
    assert.equal(page.status, 200);
    assert.match(await page.text(), new RegExp(`content="${CSRF_TOKEN}"`));
  });

  test('hashed assets are served without a session; unknown paths are 404; POST to a page is 405', async () => {
    const asset = await fetch(`${base}/assets/app-3f9a.js`);
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('cache-control')!, /immutable/);
    assert.equal((await fetch(`${base}/missing.js`)).status, 404);
    assert.equal((await fetch(`${base}/`, { method: 'POST' })).status, 405);
  });

  test('/auth/* goes to the accounts module, whose forms may post to us', async () => {
    const res = await fetch(`${base}/auth/sign-in`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy')!, /form-action 'self'/);
    assert.equal((await fetch(`${base}/auth/unknown`)).status, 404);
  });
});

describe('live events over SSE', () => {
  test('no session → 401, wrong token → 403', async () => {
    assert.equal((await fetch(`${base}/api/events?token=${CSRF_TOKEN}`)).status, 401);
    assert.equal((await fetch(`${base}/api/events?token=wrong`, { headers: { Cookie: SESSION_COOKIE } })).status, 403);
  });

  test('a signed-in stream receives published events as event/data frames, minus those canSee hides', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/api/events?token=${CSRF_TOKEN}`, { headers: { Cookie: SESSION_COOKIE }, signal: controller.signal });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    };
    await readUntil(/: connected/);
    await events.publish({ name: 'team.threadsChanged', payload: { specId: 2 }, specId: 2, by: null });
    await events.publish({ name: 'team.threadsChanged', payload: { specId: 1 }, specId: 1, by: null });
    await readUntil(/"specId":1/);
    controller.abort();
    assert.match(text, /event: team.threadsChanged\ndata: \{"specId":1\}\n\n/);
    assert.doesNotMatch(text, /"specId":2/, 'the event on a spec the caller may not see never arrives');
  });
});

describe('live events after sign-out', () => {
  test('an open stream ends once its session is gone, and cannot be reopened', async (t) => {
    const ownAuth = fakeAuth();
    const own = await startTeamServer({ store, auth: ownAuth, api, events, staticDir, listen: { host: '127.0.0.1', port: 0 }, publicUrl: PUBLIC, trustProxy: false, log: createTeamLogger({ level: 'silent' }), sessionRecheckMs: 100 });
    t.after(() => own.close());
    const res = await fetch(`${own.url}api/events?token=${CSRF_TOKEN}`, { headers: { Cookie: SESSION_COOKIE } });
    assert.equal(res.status, 200);
    const body = res.text();
    await new Promise((r) => setTimeout(r, 250));
    ownAuth.signedOut = true;
    const ended = await Promise.race([body.then(() => 'ended'), new Promise((r) => setTimeout(() => r('still open'), 3_000))]);
    assert.equal(ended, 'ended');
    assert.equal((await fetch(`${own.url}api/events?token=${CSRF_TOKEN}`, { headers: { Cookie: SESSION_COOKIE } })).status, 401);
  });
});

describe('request log', () => {
  test('one line per request with id, method, path, status and ms; no token, cookie, password, query token or full email', async () => {
    const password = 'Pa55word-Horse-Battery';
    const inviteToken = 'inv_9fK2mQ7xLp3RtY8wZa1B';
    await fetch(`${base}/auth/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `email=bob%40example.com&password=${password}` });
    await fetch(`${base}/auth/invite/${inviteToken}`);
    await fetch(`${base}/auth/invite/carol@example.com`);
    await fetch(`${base}/api/events?token=${CSRF_TOKEN}&email=dave@example.com`, { headers: { Cookie: SESSION_COOKIE } }).then((r) => r.body?.cancel());
    await fetch(`${base}/api/specs.list`, { method: 'POST', headers: signedIn({ 'X-Specbench-Token': CSRF_TOKEN }), body: `{"password":"${password}"}` });
    await new Promise((r) => setTimeout(r, 50));
    const text = sink.text();
    for (const secret of [password, inviteToken, CSRF_TOKEN, SESSION_SECRET, 'bob@example.com', 'carol@example.com', 'dave@example.com', 'alice@example.com']) {
      assert.ok(!text.includes(secret), `the log contains ${secret}`);
    }
    const lines = sink.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    assert.ok(lines.length > 20);
    for (const line of lines) {
      assert.equal(typeof line.reqId, 'string');
      assert.equal(typeof line.method, 'string');
      assert.equal(typeof line.status, 'number');
      assert.equal(typeof line.ms, 'number');
      assert.ok(!String(line.path).includes('?'), 'no query string');
    }
    const crash = sink.lines.map((l) => JSON.parse(l) as { msg: string; err?: string }).find((l) => l.msg === 'unhandled error');
    assert.match(crash?.err ?? '', /secret internals of a\*\*\*@example\.com/, 'an unexpected error is logged, its emails redacted');
    assert.ok(lines.some((l) => l.path === '/auth/invite/c***@example.com'), 'an email in a path is redacted, not dropped');
    assert.ok(lines.some((l) => l.path === '/auth/invite/:redacted'), 'a token in a path is replaced');
  });
});
