import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintSpec } from '../../../../../core/lint/index.js';
import { parseSpec } from '../../../../../core/markdown/parse.js';
import { crossOf, placeNames } from '../../helpers.js';

test('an id used twice is an error naming both places', () => {
  const doc = parseSpec('# T\n\n## Acceptance Criteria\n- AC-1: When GET /a is sent, then 200.\n- AC-1: When GET /b is sent, then 404.\n');
  const [f] = crossOf(lintSpec(doc), 'cross/duplicate-id');
  assert.equal(f.severity, 'error');
  assert.deepEqual(placeNames(f), ['AC-1', 'AC-1']);
  assert.deepEqual(f.places.map((p) => p.line), [4, 5]);
});

test('distinct ids pass', () => {
  const doc = parseSpec('# T\n\n## Acceptance Criteria\n- AC-1: When GET /a is sent, then 200.\n- AC-2: When GET /b is sent, then 404.\n');
  assert.deepEqual(crossOf(lintSpec(doc), 'cross/duplicate-id'), []);
});
