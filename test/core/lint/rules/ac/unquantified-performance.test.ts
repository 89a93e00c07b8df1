import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintItemText } from '../../../../../core/lint/index.js';
import { hits } from '../../helpers.js';

test('speed words without a number and unit are flagged', () => {
  assert.deepEqual(hits('ac/unquantified-performance', 'The user should get the email quickly.').map((h) => h.words), ['quickly']);
  assert.deepEqual(hits('ac/unquantified-performance', 'Search is fast, even with big catalogs.').map((h) => h.words), ['fast']);
  assert.deepEqual(hits('ac/unquantified-performance', 'The queue scales to handle peak load.').map((h) => h.words), ['scales', 'peak load']);
});

test('"p99 latency under 200 ms at 100 requests per second" is binary', () => {
  const result = lintItemText('p99 latency under 200 ms at 100 requests per second', 'ac');
  assert.deepEqual(result.findings.filter((f) => f.severity === 'error'), []);
  assert.equal(result.binary, true);
});

test('latency with a number but no percentile is flagged; one timed observation needs none', () => {
  const [h] = hits('ac/unquantified-performance', 'Response latency is under 300 ms.');
  assert.equal(h.words, 'latency');
  assert.match(h.message, /percentile/);
  assert.deepEqual(hits('ac/unquantified-performance', 'When the home page loads, the first card renders within 4 s.'), []);
  assert.deepEqual(hits('ac/unquantified-performance', 'Then both responses have response times within 50 ms of each other.'), []);
});

test('a flag name in a code span is not a speed claim', () => {
  assert.deepEqual(hits('ac/unquantified-performance', 'Given `fast_path_enabled` is true, when POST /quotes is sent, then the header `X-Path: fast` is set.'), []);
});

test('FR-6: a relative target without its baseline is unquantified; with the baseline as a number it is not', () => {
  assert.deepEqual(hits('ac/unquantified-performance', 'Search returns results 40% faster than before.').map((h) => h.words), ['40% faster']);
  assert.deepEqual(hits('ac/unquantified-performance', 'The dashboard renders 20% faster than release 4.2, which takes 1.5 s on the same machine.'), []);
});
