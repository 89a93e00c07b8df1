import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasQuantity, quantitiesIn } from '../../../../core/lint/text/units.js';

test('numbers with units are normalised to base units', () => {
  const q = (text: string) => quantitiesIn(text).map((x) => [x.dimension, x.value]);
  assert.deepEqual(q('15 minutes'), [['duration', 900]]);
  assert.deepEqual(q('a 7-day expiry'), [['duration', 604800]]);
  assert.deepEqual(q('under 200 ms and 2 s'), [['duration', 0.2], ['duration', 2]]);
  assert.deepEqual(q('64 hex characters, 10 MB, 99.9%'), [['length', 64], ['size', 10485760], ['percent', 99.9]]);
  assert.deepEqual(q('1,500 bytes'), [['size', 1500]]);
});

test('identifiers, percentiles, ordinals and status codes are not quantities', () => {
  assert.deepEqual(quantitiesIn('p99, randomBytes(32), SHA-256 digest, the 6th call, status 429'), []);
});

test('rates count as quantified', () => {
  assert.equal(hasQuantity('at 100 requests per second'), true);
  assert.equal(hasQuantity('2,000 rps'), true);
  assert.equal(hasQuantity('the endpoint is fast'), false);
});
