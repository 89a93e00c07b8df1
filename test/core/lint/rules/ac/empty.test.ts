import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintItemText, quickFixes } from '../../../../../core/lint/index.js';
import { hits } from '../../helpers.js';

test('an AC with no text is an ac/empty error and not binary', () => {
  const result = lintItemText('', 'ac');
  assert.deepEqual(result.findings.map((f) => [f.rule, f.severity]), [['ac/empty', 'error']]);
  assert.equal(result.binary, false);
});

test('whitespace or a bare checkbox is empty too, and no other rule piles on', () => {
  assert.deepEqual(lintItemText('   \n ', 'ac').findings.map((f) => f.rule), ['ac/empty']);
  assert.deepEqual(lintItemText('[ ]', 'ac').findings.map((f) => f.rule), ['ac/empty']);
});

test('any text at all is not empty', () => {
  assert.deepEqual(hits('ac/empty', 'The login works.'), []);
});

test('the quick fix inserts a Given/When/Then skeleton', () => {
  const [finding] = lintItemText('', 'ac').findings;
  const [fix] = quickFixes(finding, '');
  assert.match(fix.edits[0].newText, /^Given ___, when ___, then/);
});
