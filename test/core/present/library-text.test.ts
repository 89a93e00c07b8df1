import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  emptyLibraryText,
  emptyTrashQuestion,
  historySummary,
  mergeStatuses,
  plural,
  readinessTone,
  searchCountText,
  sortDirection,
  toggleCompared,
} from '../../../core/present/library-text.js';

test('plural and the readiness bands', () => {
  assert.equal(plural(1, 'spec', 'specs'), '1 spec');
  assert.equal(plural(0, 'spec', 'specs'), '0 specs');
  assert.deepEqual([100, 85, 84.9, 60, 59, 0].map(readinessTone), ['good', 'good', 'fair', 'fair', 'poor', 'poor']);
});

test('each sort has its natural direction, and reversing flips it', () => {
  assert.equal(sortDirection('lastEdited', false), 'desc');
  assert.equal(sortDirection('lastEdited', true), 'asc');
  assert.equal(sortDirection('title', false), 'asc');
  assert.equal(sortDirection('title', true), 'desc');
  assert.equal(sortDirection('readiness', false), 'desc');
});

test('statuses seen in a listing join the known ones, sorted, and an unchanged list keeps its identity', () => {
  const known = ['draft', 'in-review', 'approved'];
  assert.equal(mergeStatuses(known, ['draft', null, 'approved']), known);
  assert.deepEqual(mergeStatuses(known, ['blocked', null, 'draft']), ['approved', 'blocked', 'draft', 'in-review']);
});

test('what the Library says about search results and empty listings', () => {
  assert.equal(searchCountText(0), 'No spec matches.');
  assert.equal(searchCountText(1), '1 spec matches, best first.');
  assert.equal(searchCountText(4), '4 specs match, best first.');
  assert.equal(emptyLibraryText('active', true), 'No spec matches these filters.');
  assert.match(emptyLibraryText('active', false), /^No specs yet/);
  assert.equal(emptyLibraryText('archived', false), 'Nothing archived.');
  assert.equal(emptyLibraryText('trashed', false), 'The trash is empty.');
});

test('emptying the trash names the first five specs and counts the rest', () => {
  assert.equal(emptyTrashQuestion(['A']), 'Delete 1 spec in the trash for good, with every version and draft?\n\n• A');
  const seven = emptyTrashQuestion(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  assert.match(seven, /^Delete 7 specs/);
  assert.match(seven, /• E\n…and 2 more$/);
  assert.doesNotMatch(seven, /• F/);
});

test('History: the summary line and the two-version compare selection', () => {
  assert.equal(historySummary(null), 'Loading…');
  assert.equal(historySummary(1), '1 version');
  assert.equal(historySummary(3), '3 versions · tick two to compare');
  assert.deepEqual(toggleCompared([], 3), [3]);
  assert.deepEqual(toggleCompared([3], 1), [3, 1]);
  assert.deepEqual(toggleCompared([3, 1], 2), [1, 2], 'a third tick drops the oldest tick');
  assert.deepEqual(toggleCompared([1, 2], 1), [2], 'ticking again unticks');
});
