import assert from 'node:assert/strict';
import { test } from 'node:test';
import { levelName, parseLogLine } from '../../../host/server/log-line.js';

test('pino JSON becomes {level, time, msg, fields}', () => {
  const line = parseLogLine('{"level":40,"time":1700000000000,"emailDomain":"example.com","msg":"rate limit hit"}', 'stdout');
  assert.deepEqual(line, {
    level: 'warn',
    time: 1700000000000,
    msg: 'rate limit hit',
    fields: { emailDomain: 'example.com' },
    stream: 'stdout',
    raw: '{"level":40,"time":1700000000000,"emailDomain":"example.com","msg":"rate limit hit"}',
  });
});

test('anything else is kept as text: info on stdout, error on stderr', () => {
  assert.equal(parseLogLine('listening on http://127.0.0.1:1234', 'stdout', () => 5).level, 'info');
  assert.equal(parseLogLine('listening on http://127.0.0.1:1234', 'stdout', () => 5).msg, 'listening on http://127.0.0.1:1234');
  assert.equal(parseLogLine('port 80 is already in use', 'stderr').level, 'error');
  assert.equal(parseLogLine('{"not":"pino"}', 'stdout').msg, '{"not":"pino"}');
});

test('pino level numbers map to names', () => {
  assert.deepEqual([10, 20, 30, 40, 50, 60].map(levelName), ['trace', 'debug', 'info', 'warn', 'error', 'fatal']);
});
