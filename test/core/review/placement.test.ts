import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FindingAnchor } from '../../../core/review/anchor.js';
import { applyBlocker, placementOf } from '../../../core/review/placement.js';

const anchored: FindingAnchor = { status: 'anchored', kind: 'exact', score: 1, sectionIndex: 2, bodyStart: 4, bodyEnd: 9, start: 40, end: 45, startLine: 5, startColumn: 5, endLine: 5, endColumn: 10 };
const lost = (reason: 'no-section' | 'empty-quote' | 'not-found'): FindingAnchor => ({ status: 'unanchored', reason, sectionIndex: reason === 'no-section' ? null : 2, score: 0 });
const quoted = { quote: 'expire quickly', section: 'functional', proposedText: 'expire after 15 minutes' };

describe('placementOf', () => {
  it('prefers the anchor in the current text over the run anchor', () => {
    assert.equal(placementOf(quoted, lost('not-found'), anchored).kind, 'located');
    assert.equal(placementOf(quoted, anchored, undefined).kind, 'located');
  });

  it('tells outdated (the run found it, the text moved on) from never found', () => {
    assert.equal(placementOf(quoted, anchored, lost('not-found')).kind, 'outdated');
    assert.equal(placementOf(quoted, lost('not-found'), lost('not-found')).kind, 'not-found');
  });

  it('an empty quote, or a missing section with nothing quoted, is an insertion', () => {
    assert.equal(placementOf({ quote: '' }, lost('empty-quote'), undefined).kind, 'insert');
    assert.equal(placementOf({ quote: '  ' }, lost('no-section'), undefined).kind, 'insert');
    assert.equal(placementOf(quoted, lost('no-section'), undefined).kind, 'no-section');
  });
});

describe('applyBlocker', () => {
  it('names why Apply cannot run, or null when it can', () => {
    assert.equal(applyBlocker(quoted, { kind: 'insert' }, 'sections'), null);
    assert.match(applyBlocker({ section: 'functional' }, { kind: 'insert' }, 'sections')!, /no proposed text/);
    assert.match(applyBlocker(quoted, { kind: 'outdated' }, 'sections')!, /outdated/);
    assert.match(applyBlocker(quoted, { kind: 'not-found' }, 'sections')!, /not found/);
    assert.match(applyBlocker(quoted, { kind: 'no-section' }, 'sections')!, /no section "functional"/);
    assert.match(applyBlocker(quoted, { kind: 'insert' }, 'document')!, /Sections view/);
  });
});
