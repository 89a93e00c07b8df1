import assert from 'node:assert/strict';
import { test } from 'node:test';
import { magicLinkTokenIn } from '../../host/server/dev-api.js';
import { post, uniqueEmail } from './support/http.js';
import { scanLogsAtEnd } from './support/log-scan-test.js';
import { useTestServer } from './support/test-server.js';

// NFR-2: the events and levels of the seed. (Issue AC-6, no leak in any line, is scanned at the end of every file.)
const server = useTestServer();

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}
const INFO = 30;
const WARN = 40;
const ERROR = 50;

function parsed(): LogLine[] {
  return server().logLines.map((l) => JSON.parse(l) as LogLine);
}
function sinceNow(): () => LogLine[] {
  const start = server().logLines.length;
  return () => parsed().slice(start);
}

test('INFO request received (domain only), link sent, token verified', async () => {
  const { baseUrl, dev } = server();
  const email = uniqueEmail('events');
  await dev.createUser({ email, status: 'active' });
  const lines = sinceNow();
  await post(baseUrl, '/auth/magic-link/request', { email });
  const token = magicLinkTokenIn((await dev.outbox(email))[0]!)!;
  await post(baseUrl, '/auth/magic-link/verify', { token });
  const received = lines().find((l) => l.msg === 'magic link request received');
  assert.equal(received?.level, INFO);
  assert.equal(received?.emailDomain, 'example.test');
  assert.equal(received?.email, undefined);
  assert.equal(lines().find((l) => l.msg === 'magic link sent')?.level, INFO);
  assert.equal(lines().find((l) => l.msg === 'token verified')?.level, INFO);
});

test('WARN rate limit hit, expired, used and invalid tokens; ERROR email send failure', async () => {
  const { baseUrl, dev } = server();
  const email = uniqueEmail('warnings');
  await dev.createUser({ email, status: 'active' });
  const lines = sinceNow();
  await post(baseUrl, '/auth/magic-link/verify', { token: 'nonsense' });
  const used = await post(baseUrl, '/auth/magic-link/request', { email });
  assert.equal(used.status, 202);
  const usedToken = magicLinkTokenIn((await dev.outbox(email))[0]!)!;
  await post(baseUrl, '/auth/magic-link/verify', { token: usedToken });
  await post(baseUrl, '/auth/magic-link/verify', { token: usedToken });
  await post(baseUrl, '/auth/magic-link/request', { email });
  const expiring = magicLinkTokenIn((await dev.outbox(email))[0]!)!;
  await dev.advanceClock(16 * 60 * 1000);
  await post(baseUrl, '/auth/magic-link/verify', { token: expiring });
  await dev.failNextEmails(1);
  assert.equal((await post(baseUrl, '/auth/magic-link/request', { email })).status, 503);
  for (let i = 0; i < 3; i += 1) await post(baseUrl, '/auth/magic-link/request', { email });
  assert.equal((await post(baseUrl, '/auth/magic-link/request', { email })).status, 429);

  const levelOf = (msg: string): number | undefined => lines().find((l) => l.msg === msg)?.level;
  assert.equal(levelOf('invalid token presented'), WARN);
  assert.equal(levelOf('used token presented'), WARN);
  assert.equal(levelOf('expired token presented'), WARN);
  assert.equal(levelOf('rate limit hit'), WARN);
  assert.equal(levelOf('email send failed'), ERROR);
  assert.equal(lines().find((l) => l.msg === 'rate limit hit')?.emailDomain, 'example.test');
});

scanLogsAtEnd(server);
