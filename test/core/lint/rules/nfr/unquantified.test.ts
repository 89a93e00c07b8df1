import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hits } from '../../helpers.js';

test('performance, availability, capacity and time statements need a number with a unit', () => {
  assert.deepEqual(hits('nfr/unquantified', 'The endpoint should be fast.', 'nfr').map((h) => [h.words, h.severity]), [['fast', 'error']]);
  assert.equal(hits('nfr/unquantified', 'The service is highly available.', 'nfr').length, 1);
  assert.equal(hits('nfr/unquantified', 'The system supports many concurrent sessions.', 'nfr').length, 1);
  assert.equal(hits('nfr/unquantified', 'Sessions time out after a while.', 'nfr').length, 1);
});

test('quantified statements pass; latency also needs a percentile', () => {
  assert.deepEqual(hits('nfr/unquantified', 'POST /orders must have a p99 latency under 200 ms.', 'nfr'), []);
  assert.deepEqual(hits('nfr/unquantified', 'Monthly availability is at least 99.9%.', 'nfr'), []);
  const [h] = hits('nfr/unquantified', 'POST /orders must have a latency under 200 ms.', 'nfr');
  assert.match(h.message, /percentile/);
});

test('an identifier like expires_at or the word "expired" as an adjective is not a time statement', () => {
  assert.deepEqual(hits('nfr/unquantified', 'The table has columns expires_at TIMESTAMPTZ and used_at TIMESTAMPTZ.', 'nfr'), []);
  assert.deepEqual(hits('nfr/unquantified', 'The service writes a WARN event when an expired token is presented.', 'nfr'), []);
});
