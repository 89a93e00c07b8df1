import assert from 'node:assert/strict';
import { test } from 'node:test';
import { form, holdCluster, jsonPost, leakedSecrets, onboard, sessionCookieOf, startAuthServer, whoAmI } from './support/auth-server.js';

holdCluster();

const PASSWORD = 'correct horse battery';
const MINUTE = 60_000;

test('a wrong password and an unknown address get byte-identical answers, as a page and as JSON', async (t) => {
  const server = await startAuthServer(t);
  await onboard(server, 'ann@example.org', PASSWORD);
  const signIn = `${server.base}/auth/sign-in`;
  // The page echoes the typed address back, so compare two answers for the same typed value shape.
  const wrong = await fetch(signIn, jsonPost({ email: 'ann@example.org', password: 'not the password' }));
  const unknown = await fetch(signIn, jsonPost({ email: 'nobody@example.org', password: 'not the password' }));
  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  assert.equal(await wrong.text(), await unknown.text());

  const wrongPage = await fetch(signIn, form({ email: 'ann@example.org', password: 'not the password' }));
  const unknownPage = await fetch(signIn, form({ email: 'nobody@example.org', password: 'not the password' }));
  assert.equal(wrongPage.status, 401);
  assert.equal(unknownPage.status, 401);
  const [a, b] = [await wrongPage.text(), await unknownPage.text()];
  assert.match(a, /Wrong email or password/);
  assert.equal(a.replace('ann@example.org', 'X'), b.replace('nobody@example.org', 'X'));
  assert.equal(wrongPage.headers.get('set-cookie'), null);

  // An invited account that has not set a password yet answers the same too.
  await server.auth.inviteAccount({ email: 'pending@example.org', role: 'author' });
  const pending = await fetch(signIn, jsonPost({ email: 'pending@example.org', password: 'not the password' }));
  assert.equal(pending.status, 401);
  assert.equal(await pending.text(), await (await fetch(signIn, jsonPost({ email: 'nobody@example.org', password: 'x' }))).text());
  assert.deepEqual(leakedSecrets(server.logs, [PASSWORD, 'not the password', 'ann@example.org', 'nobody@example.org']), []);
  assert.ok(server.logs.some((l) => l.fields.event === 'sign-in.failed' && l.fields.emailDomain === 'example.org'), 'failures are logged by domain only');
});

test('JSON sign-in answers the account and the CSRF token; the session cookie is HttpOnly, SameSite=Strict, Path=/, not Secure on loopback', async (t) => {
  const server = await startAuthServer(t);
  await onboard(server, 'bea@example.org', PASSWORD);
  const response = await fetch(`${server.base}/auth/sign-in`, jsonPost({ email: 'bea@example.org', password: PASSWORD }));
  assert.equal(response.status, 200);
  const body = (await response.json()) as { ok: true; value: { account: { email: string }; csrfToken: string } };
  assert.equal(body.value.account.email, 'bea@example.org');
  const [cookie] = response.headers.getSetCookie();
  const attributes = cookie!.split('; ').slice(1);
  assert.deepEqual(attributes, ['HttpOnly', 'SameSite=Strict', 'Path=/', `Max-Age=${7 * 24 * 3600}`]);
  const me = await whoAmI(server.base, sessionCookieOf(response));
  assert.equal(me?.csrfToken, body.value.csrfToken);
});

test('with secureCookies the cookie is Secure too, and answers carry HSTS', async (t) => {
  const server = await startAuthServer(t, { secureCookies: true });
  const { link } = await server.auth.inviteAccount({ email: 'cal@example.org', role: 'author' });
  const response = await fetch(link, form({ password: PASSWORD, confirm: PASSWORD }));
  assert.equal(response.status, 303);
  const [cookie] = response.headers.getSetCookie();
  assert.deepEqual(cookie!.split('; ').slice(1), ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/', `Max-Age=${7 * 24 * 3600}`]);
  assert.match(response.headers.get('strict-transport-security') ?? '', /max-age=31536000/);
});

test('five failures for one address within 15 minutes: 429 with Retry-After, even with the right password, for known and unknown addresses alike', async (t) => {
  const server = await startAuthServer(t);
  await onboard(server, 'dee@example.org', PASSWORD);
  const signIn = `${server.base}/auth/sign-in`;
  for (const email of ['dee@example.org', 'ghost@example.org']) {
    for (let i = 0; i < 5; i++) assert.equal((await fetch(signIn, jsonPost({ email, password: `wrong ${i}` }))).status, 401);
  }
  server.advance(MINUTE);
  const known = await fetch(signIn, jsonPost({ email: 'dee@example.org', password: PASSWORD }));
  const unknown = await fetch(signIn, jsonPost({ email: 'ghost@example.org', password: PASSWORD }));
  assert.equal(known.status, 429);
  assert.equal(unknown.status, 429);
  assert.equal(known.headers.get('retry-after'), unknown.headers.get('retry-after'));
  assert.equal(await known.text(), await unknown.text(), 'the limit does not reveal which address has an account');
  // The first failure leaves the 15-minute window 14 minutes from now.
  assert.equal(known.headers.get('retry-after'), String(14 * 60));
  const page = await fetch(signIn, form({ email: 'dee@example.org', password: PASSWORD }));
  assert.equal(page.status, 429);
  assert.match(await page.text(), /Too many attempts/);
  // Another address from the same client is not affected by this address's limit.
  await onboard(server, 'eve@example.org', PASSWORD);
  assert.equal((await fetch(signIn, jsonPost({ email: 'eve@example.org', password: PASSWORD }))).status, 200);

  server.advance(14 * MINUTE);
  assert.equal((await fetch(signIn, jsonPost({ email: 'dee@example.org', password: PASSWORD }))).status, 200, 'the window has passed');
  assert.ok(server.logs.some((l) => l.level === 'warn' && l.fields.event === 'sign-in.rate-limited'));
});

test('twenty failures from one client address within 15 minutes: 429 for every address from it', async (t) => {
  const server = await startAuthServer(t);
  await onboard(server, 'fay@example.org', PASSWORD);
  const signIn = `${server.base}/auth/sign-in`;
  for (let i = 0; i < 20; i++) assert.equal((await fetch(signIn, jsonPost({ email: `guess${i}@example.org`, password: 'wrong password' }))).status, 401);
  const blocked = await fetch(signIn, jsonPost({ email: 'fay@example.org', password: PASSWORD }));
  assert.equal(blocked.status, 429);
  assert.equal(((await blocked.json()) as { error: { code: string } }).error.code, 'RATE_LIMITED');
  assert.ok(Number(blocked.headers.get('retry-after')) > 0);
  server.advance(15 * MINUTE);
  assert.equal((await fetch(signIn, jsonPost({ email: 'fay@example.org', password: PASSWORD }))).status, 200);
});

test('a sign-in posted from another site is refused (login CSRF); the same origin is accepted', async (t) => {
  const server = await startAuthServer(t);
  await onboard(server, 'gus@example.org', PASSWORD);
  const signIn = `${server.base}/auth/sign-in`;
  const evil = await fetch(signIn, form({ email: 'gus@example.org', password: PASSWORD }, { Origin: 'https://evil.example' }));
  assert.equal(evil.status, 403);
  assert.equal(evil.headers.get('set-cookie'), null);
  assert.equal((await fetch(signIn, form({ email: 'gus@example.org', password: PASSWORD }, { 'Sec-Fetch-Site': 'cross-site' }))).status, 403);
  assert.equal((await fetch(signIn, form({ email: 'gus@example.org', password: PASSWORD }, { 'Sec-Fetch-Site': 'same-site' }))).status, 403);
  assert.equal((await fetch(signIn, form({ email: 'gus@example.org', password: PASSWORD }, { Origin: 'null' }))).status, 403, 'an opaque origin is not ours');
  assert.equal((await fetch(signIn, form({ email: 'gus@example.org', password: PASSWORD }, { Origin: server.base }))).status, 303);
  // A browser under Referrer-Policy no-referrer sends `Origin: null` for its own origin too; Sec-Fetch-Site vouches for it.
  assert.equal((await fetch(signIn, form({ email: 'gus@example.org', password: PASSWORD }, { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' }))).status, 303);
  assert.equal((await fetch(signIn, form({ email: 'gus@example.org', password: PASSWORD }, { Origin: server.base, 'Sec-Fetch-Site': 'cross-site' }))).status, 403);
});

test('the sign-in page is a script-free form; state changes are POST only; bad input is refused clearly', async (t) => {
  const server = await startAuthServer(t);
  const page = await fetch(`${server.base}/auth/sign-in`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /<form method="post" action="\/auth\/sign-in">/);
  assert.doesNotMatch(html, /<script|magic-link/i, 'no magic-link form without SMTP');
  assert.equal(page.headers.get('cache-control'), 'no-store');
  assert.equal(page.headers.get('x-frame-options'), 'DENY');
  assert.equal(page.headers.get('referrer-policy'), 'strict-origin', 'never a path (tokens live in paths), yet a real Origin on our own posts');
  const css = await fetch(`${server.base}/auth/auth.css`);
  assert.match(css.headers.get('content-type') ?? '', /text\/css/);

  const get = await fetch(`${server.base}/auth/sign-out`);
  assert.equal(get.status, 405);
  assert.equal(get.headers.get('allow'), 'POST');
  const bad = await fetch(`${server.base}/auth/sign-in`, jsonPost({ email: 'nope', password: 'x' }));
  assert.equal(bad.status, 400);
  assert.equal(((await bad.json()) as { error: { message: string } }).error.message, 'that is not an email address');
  const big = await fetch(`${server.base}/auth/sign-in`, jsonPost({ email: 'a@example.org', password: 'x'.repeat(20_000) }));
  assert.equal(big.status, 413);
  const xml = await fetch(`${server.base}/auth/sign-in`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: '<a/>' });
  assert.equal(xml.status, 415);
  assert.equal((await fetch(`${server.base}/auth/magic-link`, jsonPost({ email: 'a@example.org' }))).status, 404, 'no magic link without SMTP');
  assert.equal((await fetch(`${server.base}/elsewhere`)).status, 401, 'other paths are left to the server');
});

test('a signed-in visitor of the sign-in page goes to the workbench', async (t) => {
  const server = await startAuthServer(t);
  const cookie = await onboard(server, 'hal@example.org', PASSWORD);
  const page = await fetch(`${server.base}/auth/sign-in`, { headers: { Cookie: cookie }, redirect: 'manual' });
  assert.equal(page.status, 303);
  assert.equal(page.headers.get('location'), '/');
});
