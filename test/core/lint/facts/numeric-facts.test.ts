import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintItemText } from '../../../../core/lint/index.js';

const facts = (text: string, kind: 'fr' | 'ac' = 'ac') => lintItemText(text, kind).facts.numbers.map((f) => [f.concept, f.relation, f.value]);

test('expiry statements and scenarios are told apart', () => {
  assert.deepEqual(facts('The system must expire tokens after 15 minutes.', 'fr'), [['expiry', 'def', 900]]);
  assert.deepEqual(facts('Given a token created more than 15 minutes earlier, when …, then 400.'), [['expiry', 'older', 900]]);
  assert.deepEqual(facts('Given the token less than 15 minutes after its creation, when …, then 200.'), [['expiry', 'younger', 900]]);
  assert.deepEqual(facts('Then the Set-Cookie header sets a cookie with a 7-day expiry.'), [['expiry', 'def', 604800]]);
});

test('a bare age counts only in a criterion about expiry', () => {
  assert.deepEqual(facts('Given a token created 10 minutes ago, when POST /v is sent, then `{"error":"TOKEN_EXPIRED"}`.'), [['expiry', 'older', 600]]);
  assert.deepEqual(facts('Given a token created 5 minutes ago, when POST /v is sent, then 200.'), []);
});

test('rate limits are events per second; scenario counts are not limits', () => {
  assert.deepEqual(facts('The system must accept at most 5 calls per email within a rolling 60-minute window.', 'fr'), [['rate-limit', 'max', 5 / 3600]]);
  // "5 calls" is the scenario's set-up, not a limit; the refused 6th call states the limit (FR-8).
  assert.deepEqual(facts('Given 5 calls for one email within the last 60 minutes, when a 6th call is sent, then 429.'), [['rate-limit', 'max', 5 / 3600]]);
  assert.deepEqual(facts('Given 5 calls for one email within the last 60 minutes, when a 6th call is sent, then 200.'), []);
});

test('latency carries its percentile', () => {
  const [f] = lintItemText('POST /a must have a p99 latency under 200 ms.', 'nfr').facts.numbers;
  assert.deepEqual([f.concept, f.relation, f.value, f.qualifier, f.endpoints], ['latency', 'max', 0.2, 'p99', ['POST /a']]);
});
