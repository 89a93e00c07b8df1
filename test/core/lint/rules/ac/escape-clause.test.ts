import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quickFixes } from '../../../../../core/lint/index.js';
import { hits } from '../../helpers.js';

test('escape clauses are errors', () => {
  assert.deepEqual(hits('ac/escape-clause', 'Uploads resume after a network drop if feasible.').map((h) => [h.words, h.severity]), [['if feasible', 'error']]);
  assert.deepEqual(hits('ac/escape-clause', 'Where possible, the system shall remember the device.').map((h) => h.words), ['Where possible']);
  assert.deepEqual(hits('ac/escape-clause', 'Failed payments are retried as needed.').map((h) => h.words), ['as needed']);
});

test('a condition with a bound is not an escape clause', () => {
  assert.deepEqual(hits('ac/escape-clause', 'If the file is larger than 10 MB, then the response status is 413.'), []);
});

test('the quick fix removes the clause and the comma before it', () => {
  const text = 'Then the upload resumes from the last chunk, if feasible.';
  const [finding] = hits('ac/escape-clause', text);
  const [fix] = quickFixes(finding, text);
  const { start, end, newText } = fix.edits[0];
  assert.equal(text.slice(0, start) + newText + text.slice(end), 'Then the upload resumes from the last chunk.');
});

test('FR-6: an exact number under an undefined condition or with no tolerance is weakened', () => {
  assert.deepEqual(hits('ac/escape-clause', 'Search returns results within 400 ms at peak times.').map((h) => h.words), ['peak times']);
  assert.deepEqual(hits('ac/escape-clause', 'The page renders in 2 s on typical hardware under normal load.').map((h) => h.words), ['typical hardware', 'normal load']);
  assert.deepEqual(hits('ac/escape-clause', 'THE API SHALL return 401 in most cases.').map((h) => h.words), ['in most cases']);
  assert.deepEqual(hits('ac/escape-clause', 'Report generation takes 5 seconds or so.').map((h) => h.words), ['or so']);
  // A condition defined by a number is not an escape.
  assert.deepEqual(hits('ac/escape-clause', 'At peak load of 200 requests per second, p95 latency stays under 300 ms.'), []);
});
