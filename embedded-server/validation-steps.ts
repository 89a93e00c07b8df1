/**
 * The magic-link server's domain steps for live validation (`specbench validate`): phrases a spec
 * about this server uses, each turned into plan operations over the test-control contract
 * (README "Test-control contract") and plain HTTP. This file imports nothing: the workbench loads
 * it and checks every operation it builds, so the server stays independent of the workbench.
 * Variables shared with the generic steps: vars.email, vars.userId, vars.password, vars.token,
 * vars.cookie (`name=value`); responses are `last` or a saved name.
 */

type Json = unknown;
interface Count {
  cmp: 'eq' | 'le' | 'ge';
  n: number;
}
type Op = { kind: string } & Record<string, Json>;
export interface DomainStep {
  id: string;
  expressions: string[];
  source: string;
  build(args: unknown[], ctx: { refs: string[] }): Op[];
}

const REQUEST = '/auth/magic-link/request';
const VERIFY = '/auth/magic-link/verify';
const MINUTE = 60_000;
const PASSWORD = 'validator-password-1';

const assert = (actual: string, predicate: string, expected?: Json, says?: string): Op => ({ kind: 'assert', actual, predicate, expected, says });
const post = (path: string, json: Json, save?: string): Op => ({ kind: 'request', method: 'POST', path, json, save });
const user = (status: 'active' | 'suspended' | 'unknown', variable = 'email', password?: string): Op => ({ kind: 'user', var: variable, status, password });
const emailBody = (variable = 'email'): Json => ({ email: `{{vars.${variable}}}` });
const tokenBody = { token: '{{vars.token}}' };

/** The link and token of the newest email in `mail`, checked to exist. */
const captureLink = (mail = 'mail'): Op[] => [
  assert(`${mail}.0.htmlBody`, 'matches', 'verify\\?token=', 'the email holds a magic link'),
  { kind: 'capture', name: 'link', from: `${mail}.0.htmlBody`, regex: 'href="([^"]*/auth/magic-link/verify\\?token=[^"]*)"' },
  { kind: 'capture', name: 'token', from: 'vars.link', regex: 'token=([^&"#]*)' },
];

/** A fresh active user who has been sent a link: vars.email, vars.userId, vars.token. */
const linkForNewUser = (): Op[] => [user('active'), post(REQUEST, emailBody()), assert('last.status', 'equals', 202, 'the link request is accepted'), { kind: 'emails', to: '{{vars.email}}', save: 'mail' }, ...captureLink()];

const countOf = (subject: string, count: Count, where?: Record<string, Json>): Op => ({ kind: 'assert', actual: subject, predicate: 'count', expected: count, where });
const column = (word: string): string => word.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const globToRegex = (glob: string): string => glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
const codeToRegex = (code: string): string =>
  code
    .replace(/[.+?^$()|[\]\\*]/g, '\\$&')
    .replace(/\{APP_BASE_URL\}/g, '{{escape(base)}}');

function cookieWithJwt(name: string): Op[] {
  return [
    assert(`last.cookies.${name}.value`, 'not-null', undefined, `Set-Cookie sets ${name}`),
    assert(`last.cookies.${name}.attributes`, 'has-attribute', 'httponly', `${name} is HttpOnly`),
    { kind: 'capture', name: 'cookie', from: `last.cookies.${name}.pair` },
    assert('jwt(vars.cookie).sub', 'equals', '{{vars.userId}}', 'the JWT payload names the user'),
  ];
}

const step = (id: string, expressions: string[], build: DomainStep['build']): DomainStep => ({ id: `magic-link.${id}`, expressions, source: 'embedded-server', build });

export const validationSteps: DomainStep[] = [
  // ── users
  step('active-user', ["an active user's registered email", "a registered active user's email", 'a registered active user', "a registered user's email"], () => [user('active')]),
  step('suspended-user', ["a suspended user's registered email", "a suspended user's email", 'a registered suspended user'], () => [user('suspended')]),
  step('unknown-user', ['an email address that matches no row in the users table', 'an unregistered email', "an unknown user's email", 'an email that does not exist in the database'], () => [user('unknown')]),
  step('password-user', ['a user with a matching email and password', 'a registered user with a password'], () => [user('active', 'email', PASSWORD)]),
  step('one-of-each', ['one registered active email and one unregistered email'], () => [user('active', 'email'), user('unknown', 'email2')]),
  step('user-suspended', ['the user from {ac} is suspended', 'that user is suspended'], () => [{ kind: 'set-status', email: '{{vars.email}}', status: 'suspended' }]),

  // ── requests this server's criteria phrase in their own words
  step('each-address', ['{method} {path} is sent once with each address'], ([method, path]) => [
    { kind: 'request', method, path, json: emailBody('email'), save: 'a' },
    { kind: 'request', method, path, json: emailBody('email2'), save: 'b' },
  ]),
  step('calls-for-one-email', ['{int} calls to {method} {path} for one registered email within the last {duration}'], ([n, method, path]) => [
    user('active'),
    { kind: 'repeat', request: { kind: 'request', method, path, json: emailBody() }, times: n, concurrent: false, save: 'burst' },
  ]),
  step('login-with-credentials', ['{method} {path} is sent with those credentials after the magic-link feature is deployed'], ([method, path]) => [
    { kind: 'request', method, path, json: { email: '{{vars.email}}', password: '{{vars.password}}' } },
  ]),
  step('second-link', ['a second link requested for the same user', 'a newer link is requested for the same user'], () => [
    post(REQUEST, emailBody()),
    assert('last.status', 'equals', 202, 'the second link request is accepted'),
  ]),
  step('fresh-link', ['an unused magic link for an active user', 'a magic link sent to an active user'], () => linkForNewUser()),
  step('completed-request', ['a completed request from {ac}', 'the raw token from {ac}'], () => [assert('vars.token', 'not-null', undefined, 'a token was captured')]),

  // ── email
  step('emails-out-with-url', ['{count} email(s) go(es) out through EmailService.sendTransactional containing a URL of the form {code} followed by {int} hex characters'], ([count, code, hex]) => [
    { kind: 'emails', to: '{{vars.email}}', save: 'mail' },
    countOf('mail', count as Count),
    ...captureLink(),
    assert('vars.link', 'matches', `^${codeToRegex(code as string)}[0-9a-f]{${hex as number}}$`, `the link has the form ${code as string} + ${hex as number} hex`),
  ]),
  step('emails-dispatched-matching', ['{count} email(s) is/are dispatched containing a URL matching {word}'], ([count, glob]) => [
    { kind: 'emails', to: '{{vars.email}}', save: 'mail' },
    countOf('mail', count as Count),
    ...captureLink(),
    assert('vars.link', 'matches', `^${globToRegex(glob as string)}$`),
  ]),
  step('emails-sent', ['{count} email(s) is/are sent', '{count} email(s) is/are dispatched', '{count} email(s) go(es) out'], ([count]) => [{ kind: 'emails', save: 'mail' }, countOf('mail', count as Count)]),
  step('email-fails', ['an email service that fails on the next send', 'the email service fails', 'the email service fails on the next send'], () => [{ kind: 'email-failures', count: 1 }]),

  // ── tokens and time
  step('token-within', ['the raw token from {ac} less than {duration} after its creation'], ([, ms]) => [
    assert('vars.token', 'not-null', undefined, 'a token was captured'),
    { kind: 'clock', advanceMs: Math.max(0, (ms as number) - MINUTE) },
  ]),
  step('token-sent-within', ['the token from {ac} sent to {method} {path} within {duration}'], ([, method, path, ms]) => [
    assert('vars.token', 'not-null', undefined, 'a token was captured'),
    { kind: 'clock', advanceMs: Math.max(0, (ms as number) - MINUTE) },
    { kind: 'request', method, path, json: tokenBody },
  ]),
  step('used-token-row', ['a magic_link_tokens row whose used_at is already set', 'a token that has already been used'], () => [
    ...linkForNewUser(),
    post(VERIFY, tokenBody),
    assert('last.status', 'equals', 200, 'the first use succeeds'),
  ]),
  step('expired-token', ['an unused token created more than {duration} earlier'], ([ms]) => [...linkForNewUser(), { kind: 'clock', advanceMs: (ms as number) + MINUTE }]),
  step('time-passes', ['{duration} pass(es)', '{duration} has/have passed'], ([ms]) => [{ kind: 'clock', advanceMs: ms }]),
  step('row-column-set', ['{word} on the matching magic_link_tokens row is not NULL', "the token's {word} is set in the database"], ([word]) => [
    { kind: 'tokens', email: '{{vars.email}}', save: 'rows' },
    assert(`rows.0.${column(word as string)}`, 'not-null', undefined, `${word as string} is set`),
  ]),
  step('row-column-null', ['{word} on the token row stays NULL', '{word} on the matching magic_link_tokens row stays NULL'], ([word]) => [
    { kind: 'tokens', email: '{{vars.email}}', save: 'rows' },
    assert('rows', 'count', { cmp: 'ge', n: 1 }, 'the token row exists'),
    assert(`rows.0.${column(word as string)}`, 'is-null', undefined, `${word as string} stays NULL`),
  ]),
  step('rows-added', ['{count} row(s) is/are added to magic_link_tokens', '{count} row(s) remain(s) in magic_link_tokens'], ([count]) => [{ kind: 'tokens', save: 'rows' }, countOf('rows', count as Count)]),
  step('rows-remain-for-user', ['{count} row(s) remain(s) in magic_link_tokens for that user'], ([count]) => [{ kind: 'tokens', email: '{{vars.email}}', save: 'rows' }, countOf('rows', count as Count)]),
  step('newest-row', ['the newest magic_link_tokens row for that user is read'], () => [
    { kind: 'tokens', email: '{{vars.email}}', save: 'rows' },
    { kind: 'capture', name: 'row', from: 'rows.0' },
  ]),
  step('hash-of-token', ['token_hash equals the {int}-character SHA-256 hex digest of the raw token in the email'], ([n]) => [
    assert('vars.row.token_hash', 'matches', `^[0-9a-f]{${n as number}}$`),
    assert('vars.row.token_hash', 'equals', '{{sha256(vars.token)}}', 'token_hash is the SHA-256 of the raw token'),
  ]),
  step('raw-token-nowhere', ['the raw token string appears in no column of that row'], () => [assert('vars.row', 'none-contain', '{{vars.token}}')]),

  // ── session
  step('cookie-jwt', ['the Set-Cookie header sets an HttpOnly {word} cookie whose JWT payload carries the same userId'], ([name]) => cookieWithJwt(name as string)),
  step('jwt-user', ['the JWT payload contains the correct userId', 'the JWT payload names the user'], () => [assert('jwt(vars.cookie).sub', 'equals', '{{vars.userId}}', 'the JWT payload names the user')]),
  step('session-accepted', ['the session is accepted by GET \\/me', 'an authenticated endpoint accepts the session'], () => [
    { kind: 'request', method: 'GET', path: '/me', cookie: '{{vars.cookie}}' },
    assert('last.status', 'equals', 200, 'GET /me accepts the session'),
    assert('last.body.userId', 'equals', '{{vars.userId}}'),
  ]),

  // ── logs
  step('log-events', ['{count} {word} log event(s) for {} is/are written', '{count} {word} log event(s) about {} is/are written'], ([count, level, about]) => [
    { kind: 'logs', save: 'logs' },
    countOf('logs', count as Count, { level: (level as string).toLowerCase(), 'msg~': String(about).replace(/^(?:a|an|the)\s+/i, '') }),
  ]),
  step('no-full-email-in-logs', ['no log line contains the full email address of the user from {ac}', "no log line contains the user's full email address"], () => [
    { kind: 'logs', save: 'logs' },
    assert('logs', 'count', { cmp: 'ge', n: 1 }, 'the server wrote log lines'),
    assert('logs', 'none-contain', '{{vars.email}}', 'no log line holds the full address'),
  ]),

  // ── the seed spec's one-sentence criteria (each carries its own setup)
  step('seed-request-active', ['a {method} to {path} with a registered active user\'s email'], ([method, path]) => [user('active'), { kind: 'request', method, path, json: emailBody() }]),
  step('seed-second-time', ['a token presented a second time'], () => [...linkForNewUser(), post(VERIFY, tokenBody), post(VERIFY, tokenBody)]),
  step('seed-after', ['a token presented after {duration}'], ([ms]) => [...linkForNewUser(), { kind: 'clock', advanceMs: (ms as number) + MINUTE }, post(VERIFY, tokenBody)]),
  step('seed-unknown-request', ['a request with an email that does not exist in the database'], () => [user('unknown'), post(REQUEST, emailBody())]),
  step('seed-nth-request', ['a {ordinal} request within {duration} for the same email'], ([nth]) => [
    user('active'),
    { kind: 'repeat', request: { kind: 'request', method: 'POST', path: REQUEST, json: emailBody() }, times: (nth as number) - 1, concurrent: false, save: 'burst' },
    { kind: 'repeat', request: 'last', times: 1, concurrent: false, save: 'last' },
  ]),
  step('seed-hash-not-raw', ['the magic_link_tokens table contains the SHA-256 hash, not the raw token'], () => [
    ...linkForNewUser(),
    { kind: 'tokens', email: '{{vars.email}}', save: 'rows' },
    { kind: 'capture', name: 'row', from: 'rows.0' },
    assert('vars.row.token_hash', 'equals', '{{sha256(vars.token)}}', 'token_hash is the SHA-256 of the raw token'),
    assert('vars.row', 'none-contain', '{{vars.token}}'),
  ]),
  step('seed-identical', ['the response to {path} is identical \\(status code, body, timing within {duration}\\) whether the email exists or not'], ([path, ms]) => {
    const full = (path as string).startsWith('/auth/') ? path : `/auth/magic-link${path as string}`;
    return [
      user('active', 'email'),
      user('unknown', 'email2'),
      { kind: 'request', method: 'POST', path: full, json: emailBody('email'), save: 'a' },
      { kind: 'request', method: 'POST', path: full, json: emailBody('email2'), save: 'b' },
      assert('a.status', 'equals', { ref: 'b.status' }, 'same status'),
      assert('a.text', 'equals', { ref: 'b.text' }, 'same body'),
      { kind: 'timing', requests: ['a', 'b'], withinMs: ms, samples: 60 },
    ];
  }),
  step('seed-login', ['existing {method} {path} with valid credentials continues to return {status}'], ([method, path, status]) => [
    user('active', 'email', PASSWORD),
    { kind: 'request', method, path, json: { email: '{{vars.email}}', password: '{{vars.password}}' } },
    assert('last.status', 'equals', status),
  ]),
  step('seed-cookie-unchanged', ['set {word} without modification'], ([name]) => [
    assert(`last.cookies.${name as string}.value`, 'not-null', undefined, `Set-Cookie sets ${name as string}`),
    assert(`last.cookies.${name as string}.attributes`, 'has-attribute', 'httponly'),
    assert(`last.cookies.${name as string}.attributes`, 'has-attribute', 'samesite=lax'),
    assert(`last.cookies.${name as string}.attributes`, 'has-attribute', 'path=/'),
    assert(`last.cookies.${name as string}.maxAgeMs`, 'equals', 7 * 24 * 60 * MINUTE, 'the session lasts 7 days'),
  ]),
];
