import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { form, holdCluster, jsonPost, leakedSecrets, onboard, sessionCookieOf, startAuthServer, tokenOf, whoAmI } from './support/auth-server.js';
import { startSmtpSink } from './support/smtp-sink.js';

holdCluster();

const PASSWORD = 'correct horse battery';
const MINUTE = 60_000;
const SENT = '{"ok":true,"value":{"message":"If that email is registered, a link has been sent."}}';

/** The link in the newest mail. */
function linkIn(mails: { text: string }[]): string {
  const match = /(http:\/\/\S+\/auth\/magic\/[A-Za-z0-9_-]{43})/.exec(mails.at(-1)?.text ?? '');
  assert.ok(match, 'the mail carries a magic link');
  return match[1]!;
}

async function magicServer(t: Parameters<typeof startAuthServer>[0]) {
  const sink = await startSmtpSink(t);
  const server = await startAuthServer(t, { smtpUrl: sink.url });
  await server.auth.inviteAccount({ email: 'Rae@Example.org', role: 'reviewer' });
  return { server, sink, request: (email: string) => fetch(`${server.base}/auth/magic-link`, jsonPost({ email })) };
}

test('a registered address gets one mail; the link shows a button, and posting it signs in once', async (t) => {
  const { server, sink, request } = await magicServer(t);
  const answer = await request('rae@example.org');
  assert.equal(answer.status, 202);
  assert.equal(await answer.text(), SENT);
  assert.equal(sink.mails.length, 1);
  assert.equal(sink.mails[0]!.to.toLowerCase(), 'rae@example.org', 'sent to the account (mail tools lower-case the domain)');
  const link = linkIn(sink.mails);
  assert.ok(link.startsWith(`${server.base}/auth/magic/`));

  const page = await fetch(link);
  assert.equal(page.status, 200);
  assert.match(await page.text(), new RegExp(`<form method="post" action="/auth/magic/${tokenOf(link)}">`));
  const opened = await fetch(link);
  assert.equal(opened.status, 200, 'opening the link (a mail scanner, say) does not use it up');

  const signIn = await fetch(link, form({}));
  assert.equal(signIn.status, 303);
  assert.equal(signIn.headers.get('location'), '/');
  assert.equal((await whoAmI(server.base, sessionCookieOf(signIn)))?.account.email, 'Rae@Example.org');

  const reused = await fetch(link, jsonPost({}));
  assert.equal(reused.status, 400);
  assert.equal(((await reused.json()) as { error: { code: string } }).error.code, 'TOKEN_USED');
  const reopened = await fetch(link);
  assert.equal(reopened.status, 400);
  assert.match(await reopened.text(), /already been used/);

  const rows = await server.db.rows<Record<string, unknown>>('SELECT * FROM magic_link_tokens');
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.token_hash, createHash('sha256').update(tokenOf(link)).digest('hex'));
  assert.ok(!JSON.stringify(rows).includes(tokenOf(link)));
  assert.notEqual(rows[0]!.used_at, null);
  assert.deepEqual(leakedSecrets(server.logs, [tokenOf(link), 'rae@example.org']), []);
  assert.deepEqual(
    server.logs.filter((l) => String(l.fields.event).startsWith('magic-link')).map((l) => `${l.level} ${l.fields.event}`),
    ['info magic-link.requested', 'info magic-link.sent', 'info magic-link.verified', 'warn magic-link.refused', 'warn magic-link.refused'],
  );
});

test('an unknown or disabled address gets the identical answer, no mail and no token', async (t) => {
  const { server, sink, request } = await magicServer(t);
  await onboard(server, 'sid@example.org', PASSWORD);
  await server.auth.setDisabled('sid@example.org', true);
  const known = await request('rae@example.org');
  const unknown = await request('nobody@example.org');
  const disabled = await request('sid@example.org');
  assert.deepEqual([known.status, unknown.status, disabled.status], [202, 202, 202]);
  assert.deepEqual([await known.text(), await unknown.text(), await disabled.text()], [SENT, SENT, SENT]);
  assert.equal(sink.mails.length, 1, 'only the registered active address got a mail');
  assert.equal((await server.db.one<{ n: number }>('SELECT count(*)::int AS n FROM magic_link_tokens'))!.n, 1);

  const page = await fetch(`${server.base}/auth/magic-link`, form({ email: 'nobody@example.org' }));
  assert.equal(page.status, 202);
  assert.match(await page.text(), /If that email is registered, a link has been sent\./);
});

test('a link expires 15 minutes after it was sent and stays unused', async (t) => {
  const { server, sink, request } = await magicServer(t);
  await request('rae@example.org');
  const link = linkIn(sink.mails);
  server.advance(15 * MINUTE);
  const expired = await fetch(link, jsonPost({}));
  assert.equal(expired.status, 400);
  assert.equal(((await expired.json()) as { error: { code: string } }).error.code, 'TOKEN_EXPIRED');
  assert.equal(expired.headers.get('set-cookie'), null);
  assert.equal((await server.db.one<{ used_at: Date | null }>('SELECT used_at FROM magic_link_tokens'))!.used_at, null);
});

test('a second link retires the first', async (t) => {
  const { sink, request } = await magicServer(t);
  await request('rae@example.org');
  const first = linkIn(sink.mails);
  await request('rae@example.org');
  const second = linkIn(sink.mails);
  assert.notEqual(first, second);
  const old = await fetch(first, jsonPost({}));
  assert.equal(old.status, 400);
  assert.equal(((await old.json()) as { error: { code: string } }).error.code, 'TOKEN_USED');
  assert.equal((await fetch(second, form({}))).status, 303);
});

test('fifty concurrent uses of one link: exactly one signs in, the rest are TOKEN_USED', async (t) => {
  const { sink, request } = await magicServer(t);
  await request('rae@example.org');
  const link = linkIn(sink.mails);
  const answers = await Promise.all(Array.from({ length: 50 }, () => fetch(link, jsonPost({}))));
  const statuses = answers.map((a) => a.status);
  assert.equal(statuses.filter((s) => s === 200).length, 1);
  assert.equal(statuses.filter((s) => s === 400).length, 49);
});

test('the sixth request for one address within an hour is 429, for known and unknown addresses alike', async (t) => {
  const { server, sink, request } = await magicServer(t);
  for (let i = 0; i < 5; i++) {
    assert.equal((await request('rae@example.org')).status, 202);
    assert.equal((await request('ghost@example.org')).status, 202);
  }
  const known = await request('rae@example.org');
  const unknown = await request('ghost@example.org');
  assert.deepEqual([known.status, unknown.status], [429, 429]);
  assert.equal(await known.text(), await unknown.text());
  assert.equal(known.headers.get('retry-after'), String(60 * 60));
  assert.equal(sink.mails.length, 5);
  assert.equal(server.logs.filter((l) => l.level === 'warn' && l.fields.event === 'magic-link.rate-limited').length, 2);
  server.advance(60 * MINUTE);
  assert.equal((await request('rae@example.org')).status, 202);
  assert.equal(sink.mails.length, 6);
});

test('when the mail cannot be sent: 503 EMAIL_SEND_FAILED and no token is left', async (t) => {
  // A port nobody listens on: bind one, learn its number, close it.
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = probe.address() as { port: number };
      probe.close(() => resolve(p));
    });
  });
  const server = await startAuthServer(t, { smtpUrl: `smtp://127.0.0.1:${port}?tls=off` });
  await server.auth.inviteAccount({ email: 'tam@example.org', role: 'author' });
  const answer = await fetch(`${server.base}/auth/magic-link`, jsonPost({ email: 'tam@example.org' }));
  assert.equal(answer.status, 503);
  assert.equal(((await answer.json()) as { error: { code: string } }).error.code, 'EMAIL_SEND_FAILED');
  assert.equal((await server.db.one<{ n: number }>('SELECT count(*)::int AS n FROM magic_link_tokens'))!.n, 0);
  assert.ok(server.logs.some((l) => l.level === 'error' && l.fields.event === 'magic-link.send-failed' && l.fields.emailDomain === 'example.org'));
  assert.deepEqual(leakedSecrets(server.logs, ['tam@example.org']), []);
});

test('with SMTP the sign-in page offers the magic-link form; unknown link tokens are TOKEN_INVALID', async (t) => {
  const { server } = await magicServer(t);
  assert.match(await (await fetch(`${server.base}/auth/sign-in`)).text(), /<form method="post" action="\/auth\/magic-link">/);
  const unknown = await fetch(`${server.base}/auth/magic/${'B'.repeat(43)}`, jsonPost({}));
  assert.equal(unknown.status, 400);
  assert.equal(((await unknown.json()) as { error: { code: string } }).error.code, 'TOKEN_INVALID');
});
