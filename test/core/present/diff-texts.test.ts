import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffTexts, WHOLE_DOCUMENT } from '../../../core/present/diff-texts.js';

const whole = { before: '# A\n\nold\n', after: '# A\n\nnew\n' };
const sections = [
  { key: 'goals', before: 'old goals', after: 'new goals' },
  { key: 'added', before: null, after: 'brand new' },
  { key: 'removed', before: 'gone', after: null },
];

test('the whole document shows both full texts', () => {
  assert.deepEqual(diffTexts(whole, sections, WHOLE_DOCUMENT), { original: whole.before, modified: whole.after });
});

test('a section shows its own texts, empty on the side where it does not exist', () => {
  assert.deepEqual(diffTexts(whole, sections, 'goals'), { original: 'old goals', modified: 'new goals' });
  assert.deepEqual(diffTexts(whole, sections, 'added'), { original: '', modified: 'brand new' });
  assert.deepEqual(diffTexts(whole, sections, 'removed'), { original: 'gone', modified: '' });
  assert.deepEqual(diffTexts(whole, sections, 'unknown'), { original: '', modified: '' });
});
