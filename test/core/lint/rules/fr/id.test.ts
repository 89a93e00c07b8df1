import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintSpec } from '../../../../../core/lint/index.js';
import { parseSpec } from '../../../../../core/markdown/parse.js';
import { crossOf, placeNames } from '../../helpers.js';

const spec = (frs: string) => `# T\n\n## Functional Requirements\n${frs}\n\n## Acceptance Criteria\n- AC-1: Given a user, when GET /x is sent, then the status is 200.\n`;

test('consecutive numbering passes', () => {
  assert.deepEqual(crossOf(lintSpec(parseSpec(spec('- FR-1: The system must a.\n- FR-2: The system must b.'))), 'fr/id'), []);
});

test('a gap names the requirements on both sides', () => {
  const [f] = crossOf(lintSpec(parseSpec(spec('- FR-1: The system must a.\n- FR-3: The system must c.'))), 'fr/id');
  assert.match(f.message, /FR-2 is missing/);
  assert.deepEqual(placeNames(f), ['FR-1', 'FR-3']);
  assert.equal(f.severity, 'warning');
});

test('numbers out of order are reported', () => {
  const found = crossOf(lintSpec(parseSpec(spec('- FR-2: The system must b.\n- FR-1: The system must a.'))), 'fr/id');
  assert.deepEqual(found.map(placeNames), [['FR-2', 'FR-1']]);
});

test('a bullet without an FR id in the Functional Requirements section is reported with its line', () => {
  const [f] = crossOf(lintSpec(parseSpec(spec('- FR-1: The system must a.\n- The system must also do b.'))), 'fr/id');
  assert.deepEqual(f.places, [{ kind: 'line', line: 5, column: 3, text: 'The system must also do b.' }]);
});
