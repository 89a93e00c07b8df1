import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findMatches, stepMatch } from '../../../core/text/find-matches.js';

describe('findMatches / stepMatch (find across panes)', () => {
  const texts = [
    { id: 'context', text: 'Token tokens TOKEN' },
    { id: 'functional', text: 'no match here' },
    { id: 'edge', text: 'a token' },
  ];
  it('finds every case-insensitive hit in pane order with pane-relative offsets', () => {
    assert.deepEqual(findMatches(texts, 'token'), [
      { paneId: 'context', offset: 0, length: 5 },
      { paneId: 'context', offset: 6, length: 5 },
      { paneId: 'context', offset: 13, length: 5 },
      { paneId: 'edge', offset: 2, length: 5 },
    ]);
    assert.deepEqual(findMatches(texts, ''), []);
    assert.equal(findMatches(texts, 'token', 2).length, 2);
  });
  it('steps forward and back with wrap-around', () => {
    assert.equal(stepMatch(-1, 4, 1), 0);
    assert.equal(stepMatch(-1, 4, -1), 3);
    assert.equal(stepMatch(3, 4, 1), 0);
    assert.equal(stepMatch(0, 4, -1), 3);
    assert.equal(stepMatch(0, 0, 1), -1);
  });
});
