import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseServerArgs } from '../../embedded-server/cli-args.js';
import { createClock } from '../../embedded-server/clock.js';
import { DEFECT_NAMES } from '../../embedded-server/defects.js';
import { signSession, verifySession } from '../../embedded-server/jwt.js';
import { generateToken, isWellFormedToken, sha256Hex, storedTokenValue } from '../../embedded-server/tokens.js';
import { emailDomain } from '../../embedded-server/log.js';

test('tokens: 64 lower-case hex, all different; only the hash is stored', () => {
  const tokens = new Set(Array.from({ length: 200 }, () => generateToken()));
  assert.equal(tokens.size, 200);
  for (const t of tokens) assert.match(t, /^[0-9a-f]{64}$/);
  const [one] = tokens;
  assert.equal(storedTokenValue(one!), sha256Hex(one!));
  assert.notEqual(storedTokenValue(one!), one);
  assert.equal(storedTokenValue(one!, 'plaintext-token'), one);
  assert.match(generateToken('weak-token'), /^[0-9a-f]{16}$/);
});

test('token format is exact', () => {
  const t = 'a1'.repeat(32);
  assert.ok(isWellFormedToken(t));
  for (const bad of [t.toUpperCase(), ` ${t}`, `${t} `, t.slice(2), `${t}00`, 'g'.repeat(64), '']) assert.ok(!isWellFormedToken(bad), bad);
});

test('JWT: HS256 round trip, 7-day expiry, tamper and algorithm checks', () => {
  const secret = Buffer.alloc(32, 7);
  const now = new Date('2030-01-01T00:00:00Z');
  const jwt = signSession('user-1', now, secret);
  assert.deepEqual(JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString()), { alg: 'HS256', typ: 'JWT' });
  const claims = verifySession(jwt, now, secret);
  assert.equal(claims?.sub, 'user-1');
  assert.equal(claims!.exp - claims!.iat, 7 * 24 * 3600);
  assert.equal(verifySession(jwt, new Date(now.getTime() + 7 * 24 * 3600 * 1000), secret), null, 'expired at exactly 7 days');
  assert.equal(verifySession(jwt, now, Buffer.alloc(32, 8)), null, 'another key');
  assert.equal(verifySession(`${jwt}x`, now, secret), null);
  assert.equal(verifySession('a.b', now, secret), null);
});

test('clock: moves forward only, resets to real time', () => {
  let real = 1_000;
  const clock = createClock(() => real);
  assert.equal(clock.now().getTime(), 1_000);
  clock.advance(500);
  real = 1_100;
  assert.equal(clock.now().getTime(), 1_600);
  assert.throws(() => clock.advance(-1), RangeError);
  clock.reset();
  assert.equal(clock.now().getTime(), 1_100);
});

test('emailDomain keeps only what follows the last @', () => {
  assert.equal(emailDomain('a.b+c@mail.example.com'), 'mail.example.com');
});

test('server arguments: flags win over environment; bad values are errors', () => {
  const ok = parseServerArgs(['--port', '0', '--dev', '--defect', 'no-expiry'], { PORT: '9999', DATABASE_URL: 'postgres://x@h/db' });
  assert.equal(ok.kind, 'serve');
  if (ok.kind !== 'serve') return;
  assert.equal(ok.config.port, 0);
  assert.equal(ok.config.dev, true);
  assert.equal(ok.config.defect, 'no-expiry');
  assert.equal(ok.config.databaseUrl, 'postgres://x@h/db');
  const env = parseServerArgs([], { PORT: '4321' });
  assert.ok(env.kind === 'serve' && env.config.port === 4321 && env.config.dev === false && env.config.databaseUrl === undefined);
  assert.equal(parseServerArgs(['--list-defects'], {}).kind, 'list-defects');

  const unknown = parseServerArgs(['--defect', 'nope'], {});
  assert.equal(unknown.kind, 'error');
  if (unknown.kind === 'error') for (const name of DEFECT_NAMES) assert.ok(unknown.message.includes(name), name);
  for (const argv of [['--port', 'abc'], ['--port', '70000'], ['--bogus'], ['extra'], ['--data-dir', '/x', '--database-url', 'postgres://h/db']]) {
    assert.equal(parseServerArgs(argv, {}).kind, 'error', argv.join(' '));
  }
  assert.equal(parseServerArgs([], { JWT_SECRET: 'short' }).kind, 'error');
});
