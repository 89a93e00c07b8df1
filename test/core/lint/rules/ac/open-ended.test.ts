import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quickFixes } from '../../../../../core/lint/index.js';
import { hits } from '../../helpers.js';

test('"etc.", "and so on" and "including but not limited to" are errors', () => {
  assert.deepEqual(hits('ac/open-ended', 'Expired links, bad tokens, etc. are rejected.').map((h) => [h.words, h.severity]), [['etc', 'error']]);
  assert.deepEqual(hits('ac/open-ended', 'Filters (price, brand and so on) narrow the results.').map((h) => h.words), ['and so on']);
  assert.deepEqual(hits('ac/open-ended', 'Errors, including but not limited to missing fields, return 400.').map((h) => h.words), ['including but not limited to']);
});

test('"such as" standing in for the list is an error; "for instance" only a warning (rubric: open-ended)', () => {
  assert.deepEqual(hits('ac/open-ended', 'Special characters such as ü are kept.').map((h) => [h.words, h.severity]), [['such as', 'error']]);
  assert.deepEqual(hits('ac/open-ended', 'Dates use ISO 8601, for instance 2025-01-31.').map((h) => [h.words, h.severity]), [['for instance', 'warning']]);
});

test('a closed list passes', () => {
  assert.deepEqual(hits('ac/open-ended', 'Cells starting with =, +, - or @ are prefixed with a quote.'), []);
});

test('the quick fix removes "etc." with its comma', () => {
  const text = 'Jobs are retried, etc.';
  const [fix] = quickFixes(hits('ac/open-ended', text)[0], text);
  const e = fix.edits[0];
  assert.equal(text.slice(0, e.start) + e.newText + text.slice(e.end), 'Jobs are retried');
});
