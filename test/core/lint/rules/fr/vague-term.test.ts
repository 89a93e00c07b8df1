import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hits } from '../../helpers.js';

test('vague words in an FR are errors', () => {
  assert.deepEqual(hits('fr/vague-term', 'The system must handle errors properly.', 'fr').map((h) => [h.words, h.severity]), [['properly', 'error']]);
});

test('an unquantified speed word is flagged, a quantified one is not', () => {
  assert.deepEqual(hits('fr/vague-term', 'The system must answer fast.', 'fr').map((h) => h.words), ['fast']);
  assert.deepEqual(hits('fr/vague-term', 'The system must answer fast: within 200 ms at p99.', 'fr'), []);
});

test('literals are not judged', () => {
  assert.deepEqual(hits('fr/vague-term', 'The system must reply `{"error":"SLOW_DOWN"}` with a "Fast lane" banner.', 'fr'), []);
});
