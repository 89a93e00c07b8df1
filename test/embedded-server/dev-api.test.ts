import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, DEMO_USERS } from '../../embedded-server/db/seed.js';
import { DevApiError } from '../../host/server/dev-api.js';
import { call, post, uniqueEmail } from './support/http.js';
import { scanLogsAtEnd } from './support/log-scan-test.js';
import { useTestServer } from './support/test-server.js';

const devServer = useTestServer({ dev: true });
const plainServer = useTestServer({ dev: false });

const DEV_ROUTES: Array<[string, string, unknown?]> = [
  ['GET', '/__dev/outbox'],
  ['GET', '/__dev/outbox?to=alice@example.com'],
  ['GET', '/__dev/tokens'],
  ['GET', '/__dev/tokens?email=alice@example.com'],
  ['POST', '/__dev/email-failures', { count: 1 }],
  ['GET', '/__dev/clock'],
  ['POST', '/__dev/clock', { advanceMs: 1000 }],
  ['POST', '/__dev/users', { email: 'new@example.test', status: 'active' }],
  ['PATCH', '/__dev/users', { email: 'alice@example.com', status: 'suspended' }],
  ['POST', '/__dev/reset'],
];

test('issue AC-5: without --dev every /__dev route answers 404', async () => {
  for (const [method, path, body] of DEV_ROUTES) {
    const answer = await call(plainServer().baseUrl, method, path, body);
    assert.equal(answer.status, 404, `${method} ${path}`);
    assert.deepEqual(answer.body, { error: 'NOT_FOUND' });
  }
  const alice = await post(plainServer().baseUrl, '/auth/login', { email: 'alice@example.com', password: DEMO_PASSWORD });
  assert.equal(alice.status, 200, 'and nothing was changed: alice is still active');
});

test('with --dev the same routes answer', async () => {
  for (const [method, path, body] of DEV_ROUTES) {
    const answer = await call(devServer().baseUrl, method, path, body);
    assert.ok(answer.status < 300, `${method} ${path} → ${answer.status} ${answer.text}`);
  }
});

test('the demo users are seeded as documented', async () => {
  const { baseUrl, dev } = devServer();
  await dev.reset();
  assert.deepEqual(DEMO_USERS.map((u) => [u.email, u.withPassword, u.status]), [
    ['alice@example.com', true, 'active'],
    ['bob@example.com', false, 'active'],
    ['carol@example.com', true, 'suspended'],
  ]);
  assert.equal((await post(baseUrl, '/auth/login', { email: 'alice@example.com', password: DEMO_PASSWORD })).status, 200);
  assert.equal((await post(baseUrl, '/auth/login', { email: 'bob@example.com', password: DEMO_PASSWORD })).status, 401);
  assert.equal((await post(baseUrl, '/auth/login', { email: 'carol@example.com', password: DEMO_PASSWORD })).status, 401);
  await post(baseUrl, '/auth/magic-link/request', { email: 'bob@example.com' });
  await post(baseUrl, '/auth/magic-link/request', { email: 'carol@example.com' });
  assert.equal((await dev.outbox('bob@example.com')).length, 1, 'bob, without a password, gets links');
  assert.equal((await dev.outbox('carol@example.com')).length, 0, 'carol is suspended');
});

test('reset truncates every table, re-seeds, and puts the clock and email failures back', async () => {
  const { baseUrl, dev } = devServer();
  const email = uniqueEmail('reset');
  await dev.createUser({ email, status: 'active' });
  await post(baseUrl, '/auth/magic-link/request', { email });
  const realNow = Date.now();
  await dev.advanceClock(3 * 60 * 60 * 1000);
  await dev.failNextEmails(3);
  await dev.reset();
  assert.deepEqual(await dev.outbox(), []);
  assert.deepEqual(await dev.tokens(), []);
  assert.ok(Math.abs(Date.parse(await dev.clock()) - realNow) < 60 * 60 * 1000, 'the clock is back to real time');
  const created = await dev.createUser({ email, status: 'active' });
  assert.match(created, /^[0-9a-f-]{36}$/, 'the user was gone, so it can be created again');
  assert.equal((await post(baseUrl, '/auth/magic-link/request', { email })).status, 202, 'no failure pending');
  for (let i = 0; i < 4; i += 1) await post(baseUrl, '/auth/magic-link/request', { email });
  assert.equal((await post(baseUrl, '/auth/magic-link/request', { email })).status, 429);
  await dev.reset();
  await dev.createUser({ email, status: 'active' });
  assert.equal((await post(baseUrl, '/auth/magic-link/request', { email })).status, 202, 'the rate-limit rows are gone too');
});

test('outbox is newest first and filters by normalised address; tokens filter by user', async () => {
  const { baseUrl, dev } = devServer();
  const a = uniqueEmail('outbox-a');
  const b = uniqueEmail('outbox-b');
  await dev.createUser({ email: a, status: 'active' });
  await dev.createUser({ email: b, status: 'active' });
  await post(baseUrl, '/auth/magic-link/request', { email: a });
  await post(baseUrl, '/auth/magic-link/request', { email: b });
  await post(baseUrl, '/auth/magic-link/request', { email: a });
  const all = await dev.outbox();
  assert.deepEqual(all.slice(0, 3).map((m) => m.to), [a, b, a]);
  assert.ok(Number(all[0]!.id) > Number(all[1]!.id));
  assert.equal((await dev.outbox(a.toUpperCase())).length, 2);
  const tokens = await dev.tokens(a);
  assert.equal(tokens.length, 2);
  assert.ok(tokens[0]!.used_at === null && tokens[1]!.used_at !== null, 'newest first: the new one unused, the old one invalidated');
});

test('dev users: 201 with an id, 409 for a taken email, PATCH 404 for an unknown one, 400 for bad input', async () => {
  const { baseUrl, dev } = devServer();
  const email = uniqueEmail('devusers');
  await dev.createUser({ email, status: 'suspended', password: 'pw' });
  await assert.rejects(dev.createUser({ email: email.toUpperCase(), status: 'active' }), (e: unknown) => e instanceof DevApiError && e.status === 409);
  await assert.rejects(dev.setUserStatus(uniqueEmail('nobody'), 'active'), (e: unknown) => e instanceof DevApiError && e.status === 404);
  await dev.setUserStatus(email, 'active');
  assert.equal((await post(baseUrl, '/auth/login', { email, password: 'pw' })).status, 200, 'reactivated');
  for (const [method, path, body] of [
    ['POST', '/__dev/users', { email, status: 'admin' }],
    ['POST', '/__dev/users', { email: 'x', status: 'active' }],
    ['POST', '/__dev/clock', { advanceMs: -1 }],
    ['POST', '/__dev/clock', { advanceMs: 1.5 }],
    ['POST', '/__dev/email-failures', { count: 'two' }],
    ['GET', '/__dev/outbox?to=not-an-email'],
  ] as Array<[string, string, unknown?]>) {
    const answer = await call(baseUrl, method, path, body);
    assert.equal(answer.status, 400, `${method} ${path} ${JSON.stringify(body)}`);
  }
});

test('email failures: the next N sends throw, then sending works again', async () => {
  const { baseUrl, dev } = devServer();
  const email = uniqueEmail('failures');
  await dev.createUser({ email, status: 'active' });
  await dev.failNextEmails(2);
  assert.equal((await post(baseUrl, '/auth/magic-link/request', { email })).status, 503);
  assert.equal((await post(baseUrl, '/auth/magic-link/request', { email })).status, 503);
  assert.equal((await post(baseUrl, '/auth/magic-link/request', { email })).status, 202);
  assert.equal((await dev.outbox(email)).length, 1);
});

scanLogsAtEnd(devServer);
scanLogsAtEnd(plainServer);
