import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { magicLinkIn, magicLinkTokenIn } from '../../../host/server/dev-api.js';
import { cookiePair, get, post, uniqueEmail, type HttpAnswer } from './http.js';
import { leakingLines } from './log-scan.js';
import type { CheckDevApi } from './test-server.js';

/**
 * The suite's checks, each a named function of (baseUrl, devApi). The same list runs against the
 * correct server (seed-acceptance.test.ts, issue-acceptance.test.ts) and against every defect
 * (defects.test.ts), so a check that stops catching its defect is noticed.
 * Every check makes its own users: checks share a server and never depend on each other.
 */
export interface Check {
  name: string;
  /** The criterion it proves, e.g. "seed AC-4". */
  covers: string;
  /** Takes a few hundred requests; run after the others when only the first failure matters. */
  slow?: boolean;
  run(baseUrl: string, dev: CheckDevApi): Promise<void>;
}

export const ACCEPTED_BODY = { message: 'If that email is registered, a link has been sent.' };
const HEX64 = /^[0-9a-f]{64}$/;
const MINUTE = 60_000;

const requestLink = (baseUrl: string, email: string): Promise<HttpAnswer> => post(baseUrl, '/auth/magic-link/request', { email });
const verify = (baseUrl: string, token: string, cookie?: string): Promise<HttpAnswer> =>
  post(baseUrl, '/auth/magic-link/verify', { token }, { cookie });

async function newUser(dev: CheckDevApi, tag: string, extra: { password?: string; status?: 'active' | 'suspended' } = {}) {
  const email = uniqueEmail(tag);
  const userId = await dev.createUser({ email, status: extra.status ?? 'active', password: extra.password });
  return { email, userId };
}

/** Requests a link for an active user and returns the raw token from the newest email to them. */
async function linkToken(baseUrl: string, dev: CheckDevApi, email: string): Promise<string> {
  const answer = await requestLink(baseUrl, email);
  assert.equal(answer.status, 202, `request for an active user: ${answer.text}`);
  const [newest] = await dev.outbox(email);
  assert.ok(newest, 'an email was sent');
  const token = magicLinkTokenIn(newest);
  assert.ok(token, 'the email holds a magic link');
  return token;
}

function jwtPayload(cookie: string): Record<string, unknown> {
  const jwt = cookie.slice(cookie.indexOf('=') + 1);
  const payload = jwt.split('.')[1];
  assert.ok(payload, 'auth_token is a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

function assertSessionCookie(answer: HttpAnswer, userId: string): string {
  const header = answer.setCookies.find((c) => c.startsWith('auth_token='));
  assert.ok(header, `Set-Cookie holds auth_token (got ${JSON.stringify(answer.setCookies)})`);
  for (const attribute of ['HttpOnly', 'SameSite=Lax', 'Path=/']) {
    assert.ok(header.split(';').some((a) => a.trim() === attribute), `auth_token has ${attribute}: ${header}`);
  }
  const pair = cookiePair(answer.setCookies, 'auth_token')!;
  const claims = jwtPayload(pair);
  assert.equal(claims.sub, userId, 'the JWT sub is the userId');
  assert.equal(Number(claims.exp) - Number(claims.iat), 7 * 24 * 60 * 60, 'the session lasts 7 days');
  return pair;
}

function withoutDate(headers: Headers): Record<string, string> {
  return Object.fromEntries([...headers.entries()].filter(([name]) => name !== 'date'));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timed(work: () => Promise<HttpAnswer>): Promise<number> {
  const started = process.hrtime.bigint();
  const answer = await work();
  assert.equal(answer.status, 202);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const seedChecks: Check[] = [
  {
    name: 'AC-1 request for an active user answers 202 and sends one email with a verify link',
    covers: 'seed AC-1',
    async run(baseUrl, dev) {
      const { email } = await newUser(dev, 'ac1');
      const answer = await requestLink(baseUrl, email);
      assert.equal(answer.status, 202);
      assert.deepEqual(answer.body, ACCEPTED_BODY);
      const sent = await dev.outbox(email);
      assert.equal(sent.length, 1, 'exactly one email');
      const link = magicLinkIn(sent[0]!);
      assert.ok(link, 'the email holds a link');
      assert.match(link, /\/auth\/magic-link\/verify\?token=/);
      assert.ok(link.startsWith(`${baseUrl}/auth/magic-link/verify?token=`), `link format {APP_BASE_URL}/auth/magic-link/verify?token=…: ${link}`);
      assert.match(magicLinkTokenIn(sent[0]!)!, HEX64, 'the token is 32 random bytes as 64 hex characters');
    },
  },
  {
    name: 'AC-2 verifying the token answers 200 with the auth_token cookie of that user and marks it used',
    covers: 'seed AC-2',
    async run(baseUrl, dev) {
      const { email, userId } = await newUser(dev, 'ac2');
      const token = await linkToken(baseUrl, dev, email);
      await dev.advanceClock(14 * MINUTE);
      const answer = await verify(baseUrl, token);
      assert.equal(answer.status, 200, answer.text);
      assert.deepEqual(answer.body, { userId });
      assertSessionCookie(answer, userId);
      const [row] = await dev.tokens(email);
      assert.ok(row?.used_at, 'used_at is set');
    },
  },
  {
    name: 'AC-3 the magic-link session is accepted by the existing authenticated endpoints',
    covers: 'seed AC-3',
    async run(baseUrl, dev) {
      const { email, userId } = await newUser(dev, 'ac3');
      const answer = await verify(baseUrl, await linkToken(baseUrl, dev, email));
      const cookie = assertSessionCookie(answer, userId);
      const me = await get(baseUrl, '/me', { cookie });
      assert.equal(me.status, 200, me.text);
      assert.deepEqual(me.body, { userId, email });
      const change = await post(baseUrl, '/auth/password', { password: 'a-new-password-1' }, { cookie });
      assert.equal(change.status, 204, change.text);
      const login = await post(baseUrl, '/auth/login', { email, password: 'a-new-password-1' });
      assert.equal(login.status, 200, 'the password set through the magic-link session works');
      assert.equal((await get(baseUrl, '/me')).status, 401, 'and /me still refuses a request without the cookie');
    },
  },
  {
    name: 'AC-4 a token presented a second time answers 400 TOKEN_USED',
    covers: 'seed AC-4',
    async run(baseUrl, dev) {
      const { email } = await newUser(dev, 'ac4');
      const token = await linkToken(baseUrl, dev, email);
      assert.equal((await verify(baseUrl, token)).status, 200);
      const again = await verify(baseUrl, token);
      assert.equal(again.status, 400);
      assert.deepEqual(again.body, { error: 'TOKEN_USED' });
    },
  },
  {
    name: 'AC-5 a token presented after 15 minutes answers 400 TOKEN_EXPIRED (and works just before)',
    covers: 'seed AC-5',
    async run(baseUrl, dev) {
      const early = await newUser(dev, 'ac5-early');
      const late = await newUser(dev, 'ac5-late');
      const earlyToken = await linkToken(baseUrl, dev, early.email);
      const lateToken = await linkToken(baseUrl, dev, late.email);
      await dev.advanceClock(15 * MINUTE - 5_000);
      assert.equal((await verify(baseUrl, earlyToken)).status, 200, 'still valid 5 s before expiry');
      await dev.advanceClock(10_000);
      const answer = await verify(baseUrl, lateToken);
      assert.equal(answer.status, 400);
      assert.deepEqual(answer.body, { error: 'TOKEN_EXPIRED' });
    },
  },
  {
    name: 'AC-6 an unknown email answers 202 and no email is sent',
    covers: 'seed AC-6',
    async run(baseUrl, dev) {
      const before = (await dev.outbox()).length;
      const email = uniqueEmail('ac6-unknown');
      const answer = await requestLink(baseUrl, email);
      assert.equal(answer.status, 202);
      assert.deepEqual(answer.body, ACCEPTED_BODY);
      assert.equal((await dev.outbox()).length, before, 'no email at all was sent');
    },
  },
  {
    name: 'AC-7 a sixth request within 60 minutes answers 429 RATE_LIMIT_EXCEEDED; the window rolls',
    covers: 'seed AC-7',
    async run(baseUrl, dev) {
      const { email } = await newUser(dev, 'ac7');
      for (let i = 1; i <= 5; i += 1) assert.equal((await requestLink(baseUrl, email)).status, 202, `request ${i}`);
      const sixth = await requestLink(baseUrl, email);
      assert.equal(sixth.status, 429);
      assert.deepEqual(sixth.body, { error: 'RATE_LIMIT_EXCEEDED' });
      await dev.advanceClock(60 * MINUTE);
      assert.equal((await requestLink(baseUrl, email)).status, 202, 'accepted again once the hour has passed');
    },
  },
  {
    name: 'AC-8 magic_link_tokens holds the SHA-256 of the token and never the raw token',
    covers: 'seed AC-8, issue AC-4',
    async run(baseUrl, dev) {
      const { email } = await newUser(dev, 'ac8');
      const token = await linkToken(baseUrl, dev, email);
      const rows = await dev.tokens(email);
      assert.equal(rows.length, 1);
      const row = rows[0]!;
      assert.match(row.token_hash, HEX64);
      assert.equal(row.token_hash, createHash('sha256').update(token).digest('hex'));
      for (const [column, value] of Object.entries(row)) {
        assert.ok(!String(value).includes(token), `column ${column} does not hold the raw token`);
      }
    },
  },
  {
    name: 'AC-9 registered and unknown emails get the same status, body and headers, medians within 50 ms',
    covers: 'seed AC-9',
    slow: true,
    async run(baseUrl, dev) {
      const { email } = await newUser(dev, 'ac9');
      const registered = await requestLink(baseUrl, email);
      const unknown = await requestLink(baseUrl, uniqueEmail('ac9-unknown'));
      assert.equal(unknown.status, registered.status);
      assert.equal(unknown.text, registered.text);
      assert.deepEqual(withoutDate(unknown.headers), withoutDate(registered.headers));
      // A coarse bound on a modest sample; the dudect measurement is the bench's job (npm run bench:server).
      const users = await Promise.all(Array.from({ length: 50 }, () => newUser(dev, 'ac9-timing')));
      const known: number[] = [];
      const strangers: number[] = [];
      const order = [...users.map((u) => ({ email: u.email, known: true })), ...users.map(() => ({ email: uniqueEmail('ac9-timing-unknown'), known: false }))];
      order.sort(() => Math.random() - 0.5);
      for (const item of order) (item.known ? known : strangers).push(await timed(() => requestLink(baseUrl, item.email)));
      const gap = Math.abs(median(known) - median(strangers));
      assert.ok(gap < 50, `median gap ${gap.toFixed(2)} ms`);
    },
  },
  {
    name: 'AC-10 password login still answers 200 with the same auth_token cookie; bad credentials 401',
    covers: 'seed AC-10',
    async run(baseUrl, dev) {
      const { email, userId } = await newUser(dev, 'ac10', { password: 'a-password-123' });
      const login = await post(baseUrl, '/auth/login', { email, password: 'a-password-123' });
      assert.equal(login.status, 200, login.text);
      assert.deepEqual(login.body, { userId });
      const cookie = assertSessionCookie(login, userId);
      assert.equal((await get(baseUrl, '/me', { cookie })).status, 200);
      const wrong = await post(baseUrl, '/auth/login', { email, password: 'not-it' });
      assert.equal(wrong.status, 401);
      assert.deepEqual(wrong.body, { error: 'INVALID_CREDENTIALS' });
      const { email: passwordless } = await newUser(dev, 'ac10-nopass');
      assert.equal((await post(baseUrl, '/auth/login', { email: passwordless, password: 'anything' })).status, 401);
    },
  },
];

const issueChecks: Check[] = [
  {
    name: 'the rate limit counts unknown addresses too (it is no enumeration oracle)',
    covers: 'issue FR-4',
    async run(baseUrl) {
      const email = uniqueEmail('rl-unknown');
      for (let i = 1; i <= 5; i += 1) assert.equal((await requestLink(baseUrl, email)).status, 202, `request ${i}`);
      const sixth = await requestLink(baseUrl, email);
      assert.equal(sixth.status, 429, 'the sixth request for an unknown address is limited like any other');
      assert.deepEqual(sixth.body, { error: 'RATE_LIMIT_EXCEEDED' });
    },
  },
  {
    name: 'emails are normalised (trimmed, lower-cased) before lookup and rate limiting',
    covers: 'issue FR-4, edge case "mixed case or spaces"',
    async run(baseUrl, dev) {
      const { email } = await newUser(dev, 'norm');
      const variants = [email.toUpperCase(), `  ${email}  `, email.replace(/^./, (c) => c.toUpperCase()), `\t${email}`, email];
      for (const variant of variants) assert.equal((await requestLink(baseUrl, variant)).status, 202);
      assert.equal((await dev.outbox(email)).length, 5, 'every variant reached the same user');
      assert.equal((await requestLink(baseUrl, ` ${email.toUpperCase()} `)).status, 429, 'and they share one rate limit');
    },
  },
  {
    name: '20 concurrent requests for one address give exactly five 202 and fifteen 429',
    covers: 'issue AC-2, FR-4',
    async run(baseUrl, dev) {
      const { email } = await newUser(dev, 'burst');
      const answers = await Promise.all(Array.from({ length: 20 }, () => requestLink(baseUrl, email)));
      const statuses = answers.map((a) => a.status);
      assert.equal(statuses.filter((s) => s === 202).length, 5, `statuses ${statuses.join(',')}`);
      assert.equal(statuses.filter((s) => s === 429).length, 15, `statuses ${statuses.join(',')}`);
    },
  },
  {
    name: '50 concurrent verifies of one token give exactly one 200, the rest TOKEN_USED',
    covers: 'issue AC-2, FR-6',
    async run(baseUrl, dev) {
      const { email } = await newUser(dev, 'race');
      const token = await linkToken(baseUrl, dev, email);
      const answers = await Promise.all(Array.from({ length: 50 }, () => verify(baseUrl, token)));
      const ok = answers.filter((a) => a.status === 200).length;
      assert.equal(ok, 1, `${ok} of 50 verifies succeeded`);
      assert.ok(answers.filter((a) => a.status !== 200).every((a) => a.status === 400 && (a.body as { error?: string }).error === 'TOKEN_USED'));
    },
  },
  {
    name: 'a failed email send answers 503 EMAIL_SEND_FAILED and deletes the token row',
    covers: 'issue FR-5',
    async run(baseUrl, dev) {
      const { email } = await newUser(dev, 'mailfail');
      await dev.failNextEmails(1);
      const answer = await requestLink(baseUrl, email);
      assert.equal(answer.status, 503);
      assert.deepEqual(answer.body, { error: 'EMAIL_SEND_FAILED' });
      assert.equal((await dev.tokens(email)).length, 0, 'no token row is left');
      assert.equal((await dev.outbox(email)).length, 0);
      await linkToken(baseUrl, dev, email);
      assert.equal((await dev.tokens(email)).length, 1, 'the next request works again');
    },
  },
  {
    name: 'a suspended user gets the same 202 and no email, no token',
    covers: 'issue FR-3',
    async run(baseUrl, dev) {
      const { email } = await newUser(dev, 'suspended', { status: 'suspended' });
      const answer = await requestLink(baseUrl, email);
      assert.equal(answer.status, 202);
      assert.deepEqual(answer.body, ACCEPTED_BODY);
      assert.equal((await dev.outbox(email)).length, 0);
      assert.equal((await dev.tokens(email)).length, 0);
    },
  },
  {
    name: 'a user suspended after the link was sent gets 403 ACCOUNT_SUSPENDED',
    covers: 'issue FR-6',
    async run(baseUrl, dev) {
      const { email } = await newUser(dev, 'suspended-later');
      const token = await linkToken(baseUrl, dev, email);
      await dev.setUserStatus(email, 'suspended');
      const answer = await verify(baseUrl, token);
      assert.equal(answer.status, 403);
      assert.deepEqual(answer.body, { error: 'ACCOUNT_SUSPENDED' });
      assert.equal(answer.setCookies.length, 0, 'no session');
    },
  },
  {
    name: 'a new link invalidates the earlier unused ones (TOKEN_USED)',
    covers: 'issue FR-3',
    async run(baseUrl, dev) {
      const { email } = await newUser(dev, 'relink');
      const first = await linkToken(baseUrl, dev, email);
      const second = await linkToken(baseUrl, dev, email);
      const old = await verify(baseUrl, first);
      assert.equal(old.status, 400);
      assert.deepEqual(old.body, { error: 'TOKEN_USED' });
      assert.equal((await verify(baseUrl, second)).status, 200);
    },
  },
  {
    name: 'changing the password invalidates every outstanding link',
    covers: 'issue FR-2',
    async run(baseUrl, dev) {
      const { email } = await newUser(dev, 'pwchange', { password: 'old-password-1' });
      const token = await linkToken(baseUrl, dev, email);
      const login = await post(baseUrl, '/auth/login', { email, password: 'old-password-1' });
      const cookie = cookiePair(login.setCookies, 'auth_token');
      assert.ok(cookie);
      assert.equal((await post(baseUrl, '/auth/password', { password: 'new-password-1' }, { cookie })).status, 204);
      const answer = await verify(baseUrl, token);
      assert.equal(answer.status, 400);
      assert.deepEqual(answer.body, { error: 'TOKEN_USED' });
    },
  },
  {
    name: 'tokens must be exactly 64 lower-case hex: uppercase, spaces, unknown → TOKEN_INVALID',
    covers: 'issue FR-6, edge case "uppercase hex or surrounding spaces"',
    async run(baseUrl, dev) {
      const { email } = await newUser(dev, 'format');
      const token = await linkToken(baseUrl, dev, email);
      for (const bad of [token.toUpperCase(), ` ${token} `, `${token}\n`, token.slice(1), 'a'.repeat(64), '', `${token}0`]) {
        const answer = await verify(baseUrl, bad);
        assert.equal(answer.status, 400, JSON.stringify(bad));
        assert.deepEqual(answer.body, { error: 'TOKEN_INVALID' }, JSON.stringify(bad));
      }
      assert.equal((await verify(baseUrl, token)).status, 200, 'the real token still works afterwards');
    },
  },
  {
    name: 'no log line holds a full email address or a raw token',
    covers: 'issue NFR-2',
    async run(baseUrl, dev) {
      const { email } = await newUser(dev, 'logs');
      const token = await linkToken(baseUrl, dev, email);
      await verify(baseUrl, token);
      await verify(baseUrl, token);
      await requestLink(baseUrl, uniqueEmail('logs-unknown'));
      const logs = dev.logs();
      assert.ok(logs.some((l) => l.includes('magic link request received')), 'the server logs requests');
      assert.deepEqual(leakingLines(logs, [email, token]), []);
    },
  },
  {
    name: 'malformed JSON, wrong types, missing or extra fields answer 400 INVALID_REQUEST',
    covers: 'issue NFR-1',
    async run(baseUrl) {
      const cases: Array<[string, unknown, string?]> = [
        ['/auth/magic-link/request', undefined, '{"email":'],
        ['/auth/magic-link/request', { email: 42 }],
        ['/auth/magic-link/request', {}],
        ['/auth/magic-link/request', { email: uniqueEmail('extra'), admin: true }],
        ['/auth/magic-link/request', { email: 'not-an-email' }],
        ['/auth/magic-link/request', ['a@example.test']],
        ['/auth/magic-link/verify', { token: 7 }],
        ['/auth/magic-link/verify', { token: 'a'.repeat(64), extra: 1 }],
        ['/auth/magic-link/verify', undefined, 'null'],
        ['/auth/login', { email: 'a@example.test' }],
        ['/auth/login', { email: 'a@example.test', password: 'x', remember: true }],
      ];
      for (const [path, body, raw] of cases) {
        const answer = await post(baseUrl, path, body, { rawBody: raw });
        assert.equal(answer.status, 400, `${path} ${raw ?? JSON.stringify(body)}`);
        assert.deepEqual(answer.body, { error: 'INVALID_REQUEST' }, `${path} ${raw ?? JSON.stringify(body)}`);
      }
    },
  },
];

export const seedAcceptanceChecks: readonly Check[] = seedChecks;
export const issueAcceptanceChecks: readonly Check[] = issueChecks;
/** Every check, the slow ones last. */
export const allChecks: readonly Check[] = [...seedChecks, ...issueChecks].sort((a, b) => Number(a.slow ?? false) - Number(b.slow ?? false));
