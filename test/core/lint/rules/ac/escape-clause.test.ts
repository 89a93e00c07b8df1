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
