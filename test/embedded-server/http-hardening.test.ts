import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import { createApp } from '../../embedded-server/app.js';
import { createPool } from '../../embedded-server/db/pool.js';
import { createLogger } from '../../embedded-server/log.js';
import { magicLinkTokenIn } from '../../host/server/dev-api.js';
import { get, post, uniqueEmail } from './support/http.js';
import { scanLogsAtEnd } from './support/log-scan-test.js';
import { acquireDatabase } from './support/cluster.js';
import { useTestServer } from './support/test-server.js';

// NFR-1 beyond body validation: size limit, headers, error bodies.
const server = useTestServer();

test('a body over 10 kB answers 413 without reaching the handler', async () => {
  const email = `${'a'.repeat(11 * 1024)}@example.test`;
  const answer = await post(server().baseUrl, '/auth/magic-link/request', { email });
  assert.equal(answer.status, 413);
  assert.deepEqual(answer.body, { error: 'PAYLOAD_TOO_LARGE' });
});

test('a body just under 10 kB is parsed (and refused by validation, not by size)', async () => {
  const answer = await post(server().baseUrl, '/auth/magic-link/request', { email: 'x', pad: 'p'.repeat(9 * 1024) });
  assert.equal(answer.status, 400);
  assert.deepEqual(answer.body, { error: 'INVALID_REQUEST' });
});

test('a body that is not JSON (text/plain, form) answers 400 INVALID_REQUEST', async () => {
  for (const [contentType, raw] of [
    ['text/plain', 'email=a@example.test'],
    ['application/x-www-form-urlencoded', 'email=a%40example.test'],
  ] as const) {
    const answer = await post(server().baseUrl, '/auth/magic-link/request', undefined, { rawBody: raw, contentType });
    assert.equal(answer.status, 400, contentType);
    assert.deepEqual(answer.body, { error: 'INVALID_REQUEST' });
  }
});

test('helmet-style security headers on every answer, no X-Powered-By', async () => {
  for (const answer of [
    await post(server().baseUrl, '/auth/magic-link/request', { email: uniqueEmail('headers') }),
    await get(server().baseUrl, '/no/such/route'),
  ]) {
    const h = answer.headers;
    assert.match(h.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal(h.get('x-content-type-options'), 'nosniff');
    assert.equal(h.get('x-frame-options'), 'SAMEORIGIN');
    assert.equal(h.get('referrer-policy'), 'no-referrer');
    assert.equal(h.get('cross-origin-opener-policy'), 'same-origin');
    assert.equal(h.get('cache-control'), 'no-store');
    assert.equal(h.get('x-powered-by'), null);
  }
});

test('an unknown route answers 404 {"error":"NOT_FOUND"}', async () => {
  const answer = await get(server().baseUrl, '/no/such/route');
  assert.equal(answer.status, 404);
  assert.deepEqual(answer.body, { error: 'NOT_FOUND' });
});

test('in dev the session cookie is not Secure (plain http on loopback); outside dev it is', async () => {
  const email = uniqueEmail('secure');
  await server().dev.createUser({ email, status: 'active', password: 'pw-123456' });
  const devLogin = await post(server().baseUrl, '/auth/login', { email, password: 'pw-123456' });
  assert.ok(!/;\s*Secure/i.test(devLogin.setCookies[0] ?? ''), devLogin.setCookies[0]);

  const logger = createLogger({ level: 'silent' });
  const app = createApp({ pool: server().pool, logger, appBaseUrl: 'http://127.0.0.1' });
  const listener = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => listener.once('listening', resolve));
  try {
    const base = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    const login = await post(base, '/auth/login', { email, password: 'pw-123456' });
    assert.equal(login.status, 200);
    assert.match(login.setCookies[0] ?? '', /;\s*Secure/i);
  } finally {
    listener.closeAllConnections();
    await new Promise((resolve) => listener.close(resolve));
  }
});

/** createApp on `pool`, listening on a free port; `run` gets the base URL and the log lines. */
async function withApp(pool: ReturnType<typeof createPool>, run: (base: string, lines: string[]) => Promise<void>, logLines: string[]): Promise<void> {
  const logger = createLogger({ destination: { write: (l: string) => void logLines.push(l) } });
  const app = createApp({ pool, logger, appBaseUrl: 'http://127.0.0.1' });
  const listener = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => listener.once('listening', resolve));
  try {
    await run(`http://127.0.0.1:${(listener.address() as AddressInfo).port}`, logLines);
  } finally {
    listener.closeAllConnections();
    await new Promise((resolve) => listener.close(resolve));
    await pool.end();
  }
}

// The database used to be unreachable here; since issue 10 FR-6 that is 503 DATABASE_UNAVAILABLE
// (next test), so the internal error is now a database without its tables.
test('an internal error answers 500 {"error":"INTERNAL_ERROR"} with no stack trace', async () => {
  const database = await acquireDatabase('unmigrated');
  const lines: string[] = [];
  try {
    await withApp(createPool(database.url, createLogger({ level: 'silent' }), 1), async (base) => {
      const answer = await post(base, '/auth/magic-link/request', { email: uniqueEmail('broken') });
      assert.equal(answer.status, 500);
      assert.deepEqual(answer.body, { error: 'INTERNAL_ERROR' });
      assert.doesNotMatch(answer.text, /at |Error|relation/);
      assert.ok(lines.some((l) => l.includes('"unhandled error"')), 'the error is logged instead');
    }, lines);
  } finally {
    await database.release();
  }
});

test('an unreachable database answers 503 {"error":"DATABASE_UNAVAILABLE"}, not 500, and is not logged per request', async () => {
  const lines: string[] = [];
  await withApp(createPool('postgres://nobody:nothing@127.0.0.1:1/none', createLogger({ level: 'silent' }), 1), async (base) => {
    for (let i = 0; i < 3; i += 1) {
      const answer = await post(base, '/auth/magic-link/request', { email: uniqueEmail('broken') });
      assert.equal(answer.status, 503);
      assert.deepEqual(answer.body, { error: 'DATABASE_UNAVAILABLE' });
      assert.doesNotMatch(answer.text, /at |Error|ECONNREFUSED/);
    }
    assert.equal(lines.filter((l) => l.includes('"unhandled error"') || l.includes('"email send failed"')).length, 0);
  }, lines);
});

test('GET on the emailed link shows a page and does not consume the token', async () => {
  const email = uniqueEmail('getlink');
  await server().dev.createUser({ email, status: 'active' });
  await post(server().baseUrl, '/auth/magic-link/request', { email });
  const [sent] = await server().dev.outbox(email);
  const token = magicLinkTokenIn(sent!)!;
  const page = await get(server().baseUrl, `/auth/magic-link/verify?token=${token}`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  assert.match(page.text, /<script src="\/auth\/magic-link\/verify.js"><\/script>/);
  const script = await get(server().baseUrl, '/auth/magic-link/verify.js');
  assert.match(script.headers.get('content-type') ?? '', /javascript/);
  assert.equal((await server().dev.tokens(email))[0]?.used_at, null, 'still unused');
  assert.equal((await post(server().baseUrl, '/auth/magic-link/verify', { token })).status, 200);
});

test('a forged, expired-by-clock or algorithm-swapped session cookie is refused', async () => {
  const email = uniqueEmail('forged');
  await server().dev.createUser({ email, status: 'active', password: 'pw-123456' });
  const login = await post(server().baseUrl, '/auth/login', { email, password: 'pw-123456' });
  const jwt = login.setCookies[0]!.split(';')[0]!.slice('auth_token='.length);
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub: string };
  const otherPayload = Buffer.from(JSON.stringify({ ...claims, sub: '00000000-0000-0000-0000-000000000000' })).toString('base64url');
  const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  for (const forged of [`${header}.${otherPayload}.${signature}`, `${none}.${payload}.`, `${header}.${payload}.${signature.slice(0, -2)}xx`]) {
    assert.equal((await get(server().baseUrl, '/me', { cookie: `auth_token=${forged}` })).status, 401);
  }
  assert.equal((await get(server().baseUrl, '/me', { cookie: `auth_token=${jwt}` })).status, 200);
  await server().dev.advanceClock(7 * 24 * 60 * 60 * 1000 + 1000);
  assert.equal((await get(server().baseUrl, '/me', { cookie: `auth_token=${jwt}` })).status, 401, 'expired after 7 days');
});

scanLogsAtEnd(server);

/** A raw POST with any headers, so Content-Encoding can be set without fetch decoding anything. */
function rawPost(baseUrl: string, path: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, baseUrl), { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('a Content-Encoding other than identity answers 415, whether or not the body matches it (issue 10 FR-5)', async () => {
  const json = JSON.stringify({ email: uniqueEmail('encoding') });
  for (const [encoding, body] of [
    ['gzip', Buffer.from(json)],
    ['gzip', gzipSync(json)],
    ['deflate', Buffer.from(json)],
    ['br', Buffer.from(json)],
    ['x-unknown', Buffer.from(json)],
  ] as const) {
    const answer = await rawPost(server().baseUrl, '/auth/magic-link/request', { 'content-encoding': encoding }, body);
    assert.equal(answer.status, 415, encoding);
    assert.deepEqual(JSON.parse(answer.body), { error: 'UNSUPPORTED_CONTENT_ENCODING' });
  }
  const plain = await rawPost(server().baseUrl, '/auth/magic-link/request', { 'content-encoding': 'identity' }, Buffer.from(json));
  assert.ok(plain.status < 500 && plain.status !== 415, `identity: ${plain.status}`);
});
