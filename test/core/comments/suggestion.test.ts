import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createSelector, indexDocument, reanchor, suggestionEdit, TEXT_CHANGED_MESSAGE } from '../../../core/comments/index.js';

const sample = readFileSync(new URL('../../../samples/magic-link.md', import.meta.url), 'utf8');

test('AC-3 (core): accepting a suggestion changes exactly its quote', () => {
  const quote = 'less than 15 minutes after its creation';
  const at = sample.indexOf(quote);
  const selector = createSelector(indexDocument(sample), at, at + quote.length);
  // Edits elsewhere happened since the suggestion was made.
  const edited = sample.replace('## Context\n', '## Context\nNew opening line.\n');
  const edit = suggestionEdit(edited, selector, reanchor(selector, indexDocument(edited)), 'at most 14 minutes 59 seconds after its creation');
  assert.ok(edit.ok);
  assert.equal(edit.text.slice(0, edit.start), edited.slice(0, edit.start));
  assert.equal(edit.text.slice(edit.start + edit.replacement.length), edited.slice(edit.end));
  assert.equal(edited.slice(edit.start, edit.end), quote);
  assert.equal(edit.text.length, edited.length - quote.length + edit.replacement.length);
});

test('a suggestion on text that has changed since cannot be accepted', () => {
  const quote = 'the raw token string appears in no column of that row';
  const at = sample.indexOf(quote);
  const selector = createSelector(indexDocument(sample), at, at + quote.length);
  const changed = sample.replace(quote, 'the raw token string appears in no column of the row');
  const placement = reanchor(selector, indexDocument(changed));
  assert.equal(placement.status, 'attached');
  const edit = suggestionEdit(changed, selector, placement, 'replacement');
  assert.deepEqual(edit, { ok: false, reason: 'text-changed', message: TEXT_CHANGED_MESSAGE });
  const gone = sample.replace(quote, 'nothing');
  assert.equal(suggestionEdit(gone, selector, reanchor(selector, indexDocument(gone)), 'x').ok, false);
});
