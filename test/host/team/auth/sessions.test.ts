import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { form, holdCluster, jsonPost, leakedSecrets, onboard, startAuthServer, whoAmI } from './support/auth-server.js';

holdCluster();

const PASSWORD = 'correct horse battery';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

test('a session unused for 12 hours ends; activity keeps it alive', async (t) => {
  const server = await startAuthServer(t);
  const cookie = await onboard(server, 'ida@example.org', PASSWORD);
  server.advance(11 * HOUR);
  assert.ok(await whoAmI(server.base, cookie), 'used after 11 h: alive, and the idle expiry moves');
  server.advance(11 * HOUR);
  assert.ok(await whoAmI(server.base, cookie), '22 h after sign-in but 11 h after the last use');
  server.advance(12 * HOUR);
  assert.equal(await whoAmI(server.base, cookie), null, '12 h unused: ended');
});

test('a session ends 7 days after sign-in however active it is', async (t) => {
  const server = await startAuthServer(t);
  const cookie = await onboard(server, 'jo@example.org', PASSWORD);
  for (let elapsed = 0; elapsed + 10 * HOUR < 7 * DAY; elapsed += 10 * HOUR) {
    server.advance(10 * HOUR);
    assert.ok(await whoAmI(server.base, cookie), `alive ${(elapsed + 10 * HOUR) / HOUR} h after sign-in`);
  }
  server.advance(7 * DAY - 16 * 10 * HOUR - 1);
  assert.ok(await whoAmI(server.base, cookie), 'alive a millisecond before 7 days');
  server.advance(1);
  assert.equal(await whoAmI(server.base, cookie), null, '7 days after sign-in: ended');
});

test('last_seen_at is written at most once a minute', async (t) => {
  const server = await startAuthServer(t);
  const cookie = await onboard(server, 'kit@example.org', PASSWORD);
  const token = cookie.slice(cookie.indexOf('=') + 1);
  const seen = async () =>
    (await server.db.one<{ last_seen_at: Date }>('SELECT last_seen_at FROM sessions WHERE id_hash = $1', [createHash('sha256').update(token).digest('hex')]))!.last_seen_at.getTime();
  const signedInAt = await seen();
  server.advance(30_000);
  await whoAmI(server.base, cookie);
  assert.equal(await seen(), signedInAt, 'not written 30 s later');
  server.advance(31_000);
  await whoAmI(server.base, cookie);
  assert.equal(await seen(), server.now().getTime(), 'written once a minute has passed');
});

test('the database keeps only the hash of the session token', async (t) => {
  const server = await startAuthServer(t);
  const cookie = await onboard(server, 'lu@example.org', PASSWORD);
  const token = cookie.slice(cookie.indexOf('=') + 1);
  const rows = await server.db.rows<Record<string, unknown>>('SELECT * FROM sessions');
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.id_hash, createHash('sha256').update(token).digest('hex'));
  assert.ok(!JSON.stringify(rows).includes(token));
  assert.deepEqual(leakedSecrets(server.logs, [token, PASSWORD]), []);
});

test('sign-out needs the CSRF token, ends the session server-side and clears the cookie', async (t) => {
  const server = await startAuthServer(t);
  const cookie = await onboard(server, 'max@example.org', PASSWORD);
  const me = await whoAmI(server.base, cookie);
  assert.ok(me);

  const session = await fetch(`${server.base}/auth/session`, { headers: { Cookie: cookie } });
  assert.equal(((await session.json()) as { value: { csrfToken: string } }).value.csrfToken, me.csrfToken, 'a script learns its CSRF token here');

  const without = await fetch(`${server.base}/auth/sign-out`, jsonPost({}, { Cookie: cookie }));
  assert.equal(without.status, 403);
  const wrong = await fetch(`${server.base}/auth/sign-out`, jsonPost({}, { Cookie: cookie, 'X-Specbench-Token': 'A'.repeat(43) }));
  assert.equal(wrong.status, 403);
  assert.ok(await whoAmI(server.base, cookie), 'a refused sign-out leaves the session alive');

  const out = await fetch(`${server.base}/auth/sign-out`, jsonPost({}, { Cookie: cookie, 'X-Specbench-Token': me.csrfToken }));
  assert.equal(out.status, 200);
  assert.deepEqual(out.headers.getSetCookie(), ['specbench_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0']);
  // The old cookie, replayed as an attacker who copied it would, no longer authenticates.
  assert.equal(await whoAmI(server.base, cookie), null);
  assert.equal((await fetch(`${server.base}/auth/session`, { headers: { Cookie: cookie } })).status, 401);
});

test('a form sign-out sends the CSRF token as a field and lands on the sign-in page', async (t) => {
  const server = await startAuthServer(t);
  const cookie = await onboard(server, 'ned@example.org', PASSWORD);
  const me = await whoAmI(server.base, cookie);
  const out = await fetch(`${server.base}/auth/sign-out`, form({ csrf: me!.csrfToken }, { Cookie: cookie }));
  assert.equal(out.status, 303);
  assert.equal(out.headers.get('location'), '/auth/sign-in');
  assert.equal(await whoAmI(server.base, cookie), null);
  // Other sessions of the same account are not touched by one sign-out.
  const other = await fetch(`${server.base}/auth/sign-in`, form({ email: 'ned@example.org', password: PASSWORD }));
  assert.equal(other.status, 303);
});

test('csrfValid accepts the session token in the header and nothing else', async (t) => {
  const server = await startAuthServer(t);
  const cookie = await onboard(server, 'ola@example.org', PASSWORD);
  const me = await whoAmI(server.base, cookie);
  const req = (value?: string) => ({ headers: value ? { 'x-specbench-token': value } : {} }) as never;
  assert.equal(server.auth.csrfValid(req(me!.csrfToken), me!), true);
  assert.equal(server.auth.csrfValid(req(), me!), false);
  assert.equal(server.auth.csrfValid(req(`${me!.csrfToken}x`), me!), false);
});

test('disabling an account ends its sessions and refuses its sign-in the same way as a wrong password', async (t) => {
  const server = await startAuthServer(t);
  const cookie = await onboard(server, 'pia@example.org', PASSWORD);
  await server.auth.setDisabled('PIA@example.org', true);
  assert.equal(await whoAmI(server.base, cookie), null);
  const refused = await fetch(`${server.base}/auth/sign-in`, jsonPost({ email: 'pia@example.org', password: PASSWORD }));
  assert.equal(refused.status, 401);
  assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'SIGN_IN_FAILED');
  await server.auth.setDisabled('pia@example.org', false);
  assert.equal((await fetch(`${server.base}/auth/sign-in`, jsonPost({ email: 'pia@example.org', password: PASSWORD }))).status, 200);
  await assert.rejects(server.auth.setDisabled('nobody@example.org', true), /no account has that email address/);
  const listed = await server.auth.listAccounts();
  assert.deepEqual(
    listed.map((a) => [a.email, a.role, a.disabled, a.hasPassword]),
    [['pia@example.org', 'author', false, true]],
  );
});

test('a cookie that is not one of ours authenticates nobody', async (t) => {
  const server = await startAuthServer(t);
  await onboard(server, 'quin@example.org', PASSWORD);
  for (const cookie of ['specbench_session=', 'specbench_session=abc', `specbench_session=${'A'.repeat(43)}`, 'other=1']) {
    assert.equal(await whoAmI(server.base, cookie), null, cookie);
  }
});

test('prune forgets sessions dead for a day and attempts past every window, and keeps live ones', async (t) => {
  const server = await startAuthServer(t);
  const ended = await onboard(server, 'rex@example.org', PASSWORD);
  const endedMe = await whoAmI(server.base, ended);
  await fetch(`${server.base}/auth/sign-out`, jsonPost({}, { Cookie: ended, 'X-Specbench-Token': endedMe!.csrfToken }));
  await fetch(`${server.base}/auth/sign-in`, jsonPost({ email: 'rex@example.org', password: 'wrong password' }));
  server.advance(DAY + MINUTE);
  const live = await onboard(server, 'sol@example.org', PASSWORD);
  await server.auth.prune();
  const count = async (table: string) => (await server.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))!.n;
  assert.equal(await count('sessions'), 1, 'the signed-out session is gone, the live one stays');
  assert.equal(await count('sign_in_attempts'), 0);
  assert.ok(await whoAmI(server.base, live));
});
