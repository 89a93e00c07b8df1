import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changedRange } from '../../../core/review/text-change.js';

describe('changedRange', () => {
  it('is the one range between the common prefix and suffix', () => {
    assert.equal(changedRange('same', 'same'), null);
    assert.deepEqual(changedRange('the quick fox', 'the slow fox'), { start: 4, end: 9, text: 'slow' });
    assert.deepEqual(changedRange('aaa', 'aaaa'), { start: 3, end: 3, text: 'a' });
    const before = 'abcabc';
    const change = changedRange(before, 'abXc')!;
    assert.equal(before.slice(0, change.start) + change.text + before.slice(change.end), 'abXc');
  });
});
