import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { verdictStaleness } from '../../../core/comments/index.js';

const v3 = readFileSync(new URL('../../../samples/magic-link.md', import.meta.url), 'utf8');

test('AC-2 (core): a verdict is stale after an FR the reviewer saw changes; an unrelated section change leaves it current', () => {
  const frChanged = v3.replace('whose JSON body has the shape', 'whose JSON body always has the shape');
  assert.notEqual(frChanged, v3);
  assert.deepEqual(verdictStaleness(v3, frChanged), { stale: true, changed: ['FR-1'] });

  const contextChanged = v3.replace('## Problem Statement\n', '## Problem Statement\nThe support team asked for this in March.\n\n');
  assert.notEqual(contextChanged, v3);
  assert.deepEqual(verdictStaleness(v3, contextChanged), { stale: false, changed: [] });
  assert.deepEqual(verdictStaleness(v3, v3), { stale: false, changed: [] });
});

test('a removed criterion or edge-case row makes a verdict stale; an added one does not', () => {
  const removed = v3.replace(/- \*\*AC-9:\*\*[^\n]*\n/, '');
  assert.deepEqual(verdictStaleness(v3, removed).changed, ['AC-9']);
  const added = v3.replace('### Security\n', '### Security\n- **AC-99:** Given x, when y, then the status is 200.\n');
  assert.equal(verdictStaleness(v3, added).stale, false);
  const row = v3.replace('| Token already used | 400 |', '| Token already used | 409 |');
  assert.deepEqual(verdictStaleness(v3, row).changed, ['row:Token already used']);
});
