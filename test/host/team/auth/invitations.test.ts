import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { form, holdCluster, jsonPost, leakedSecrets, sessionCookieOf, startAuthServer, tokenOf, whoAmI } from './support/auth-server.js';

holdCluster();

const PASSWORD = 'correct horse battery';
const DAY = 24 * 3_600_000;

test('invite → set password → signed in; the same password signs in again and authenticate names the account', async (t) => {
  const server = await startAuthServer(t);
  const { link, expiresAt } = await server.auth.inviteAccount({ email: 'Ada@Example.org', role: 'reviewer', name: 'Ada Lovelace' });
  assert.match(link, new RegExp(`^${server.base}/auth/invite/[A-Za-z0-9_-]{43}$`));
  assert.equal(expiresAt, new Date(server.now().getTime() + 7 * DAY).toISOString(), 'an invitation lasts 7 days');

  const page = await fetch(link);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /Choose your password/);
  assert.match(html, /Ada@Example\.org/);
  assert.doesNotMatch(html, /<script/i, 'the pages carry no script');
  assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'.*form-action 'self'/);

  const set = await fetch(link, form({ password: PASSWORD, confirm: PASSWORD }));
  assert.equal(set.status, 303);
  assert.equal(set.headers.get('location'), '/');
  const me = await whoAmI(server.base, sessionCookieOf(set));
  assert.equal(me?.account.email, 'Ada@Example.org');
  assert.equal(me?.account.role, 'reviewer');
  assert.equal((me?.account as { name?: string }).name, 'Ada Lovelace');

  // Signing in later, with the address in another case.
  const again = await fetch(`${server.base}/auth/sign-in`, form({ email: 'ada@example.ORG', password: PASSWORD }));
  assert.equal(again.status, 303);
  assert.equal((await whoAmI(server.base, sessionCookieOf(again)))?.account.id, me?.account.id);
  assert.deepEqual(leakedSecrets(server.logs, [PASSWORD, tokenOf(link), 'ada@example.org']), []);
});

test('only the SHA-256 of the invitation token is stored', async (t) => {
  const server = await startAuthServer(t);
  const { link } = await server.auth.inviteAccount({ email: 'bo@example.org', role: 'author' });
  const token = tokenOf(link);
  const rows = await server.db.rows<Record<string, unknown>>('SELECT * FROM invitations');
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.token_hash, createHash('sha256').update(token).digest('hex'));
  assert.ok(!JSON.stringify(rows).includes(token), 'the raw token is in no column');
});

test('a reused invitation is refused with the reason and the advice to ask for a re-invite; a re-invite works', async (t) => {
  const server = await startAuthServer(t);
  const { link } = await server.auth.inviteAccount({ email: 'cy@example.org', role: 'author' });
  assert.equal((await fetch(link, form({ password: PASSWORD, confirm: PASSWORD }))).status, 303);

  const reopened = await fetch(link);
  assert.equal(reopened.status, 410);
  const text = await reopened.text();
  assert.match(text, /already been used/);
  assert.match(text, /Ask an admin to re-invite you/);
  const resubmitted = await fetch(link, jsonPost({ password: 'another long password' }));
  assert.equal(resubmitted.status, 410);
  assert.equal(((await resubmitted.json()) as { error: { code: string } }).error.code, 'INVITATION_USED');
  // The refused second submission did not change the password.
  assert.equal((await fetch(`${server.base}/auth/sign-in`, form({ email: 'cy@example.org', password: 'another long password' }))).status, 401);

  const { link: second } = await server.auth.inviteAccount({ email: 'cy@example.org', role: 'author' });
  const reset = await fetch(second, form({ password: 'a brand new password', confirm: 'a brand new password' }));
  assert.equal(reset.status, 303);
  assert.equal((await fetch(`${server.base}/auth/sign-in`, form({ email: 'cy@example.org', password: 'a brand new password' }))).status, 303);
  assert.equal((await fetch(`${server.base}/auth/sign-in`, form({ email: 'cy@example.org', password: PASSWORD }))).status, 401);
});

test('an expired invitation is refused with the reason; re-inviting replaces the earlier link, which says so', async (t) => {
  const server = await startAuthServer(t);
  const { link } = await server.auth.inviteAccount({ email: 'di@example.org', role: 'productops' });
  server.advance(7 * DAY - 1);
  assert.equal((await fetch(link)).status, 200, 'still open a millisecond before 7 days');
  server.advance(1);
  const expired = await fetch(link);
  assert.equal(expired.status, 410);
  assert.match(await expired.text(), /has expired[\s\S]*Ask an admin to re-invite you/);
  assert.equal((await fetch(link, form({ password: PASSWORD, confirm: PASSWORD }))).status, 410);

  const { link: first } = await server.auth.inviteAccount({ email: 'di@example.org', role: 'productops' });
  const { link: newest } = await server.auth.inviteAccount({ email: 'DI@example.org', role: 'admin' });
  const replaced = await fetch(first, { headers: { Accept: 'application/json' } });
  assert.equal(replaced.status, 410);
  assert.equal(((await replaced.json()) as { error: { code: string } }).error.code, 'INVITATION_REPLACED');
  const done = await fetch(newest, form({ password: PASSWORD, confirm: PASSWORD }));
  assert.equal(done.status, 303);
  const me = await whoAmI(server.base, sessionCookieOf(done));
  assert.equal(me?.account.role, 'admin', 're-inviting changed the role of the one account');
  assert.equal(me?.account.email, 'di@example.org', 'the address keeps the case it was first given');
  assert.equal((await server.auth.listAccounts()).length, 1, 'one account per address whatever its case');
});

test('a password under 12 characters or two differing entries are refused and the invitation stays open', async (t) => {
  const server = await startAuthServer(t);
  const { link } = await server.auth.inviteAccount({ email: 'ed@example.org', role: 'author' });
  const short = await fetch(link, form({ password: 'short pw 11', confirm: 'short pw 11' }));
  assert.equal(short.status, 400);
  assert.match(await short.text(), /at least 12 characters/);
  const differ = await fetch(link, jsonPost({ password: PASSWORD, confirm: `${PASSWORD}!` }));
  assert.equal(differ.status, 400);
  assert.equal(((await differ.json()) as { error: { message: string } }).error.message, 'the two passwords differ');
  assert.equal((await fetch(link, form({ password: PASSWORD, confirm: PASSWORD }))).status, 303);
});

test('unknown or malformed invitation tokens are refused as not valid', async (t) => {
  const server = await startAuthServer(t);
  const unknown = await fetch(`${server.base}/auth/invite/${'A'.repeat(43)}`);
  assert.equal(unknown.status, 404);
  assert.match(await unknown.text(), /not valid[\s\S]*Ask an admin to re-invite you/);
  assert.equal((await fetch(`${server.base}/auth/invite/short`)).status, 404);
});

test('inviteAccount validates its input with a clear message', async (t) => {
  const server = await startAuthServer(t);
  await assert.rejects(server.auth.inviteAccount({ email: 'not-an-address', role: 'author' }), /not an email address/);
  await assert.rejects(server.auth.inviteAccount({ email: 'x@example.org', role: 'owner' as never }), /role must be one of admin, author, reviewer, productops/);
});

test('two concurrent submissions of one invitation: exactly one signs in', async (t) => {
  const server = await startAuthServer(t);
  const { link } = await server.auth.inviteAccount({ email: 'fa@example.org', role: 'author' });
  const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => fetch(link, form({ password: `${PASSWORD} ${i}`, confirm: `${PASSWORD} ${i}` }))));
  assert.deepEqual(answers.map((a) => a.status).sort(), [303, 410, 410, 410, 410]);
});
