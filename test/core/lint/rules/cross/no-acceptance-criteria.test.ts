import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintSpec } from '../../../../../core/lint/index.js';
import { parseSpec } from '../../../../../core/markdown/parse.js';
import { crossOf, lintParts } from '../../helpers.js';

test('a spec with no Acceptance Criteria section gets an error and 0 readiness for the AC share', () => {
  const report = lintParts({ frs: ['The system must provide POST /a.'], noAcSection: true });
  const [f] = crossOf(report, 'cross/no-acceptance-criteria');
  assert.equal(f.severity, 'error');
  assert.match(f.message, /no Acceptance Criteria section/);
  assert.equal(report.readiness.breakdown.binaryAcs.points, 0);
  assert.ok(report.readiness.breakdown.sections.missing.includes('Acceptance Criteria'));
});

test('an Acceptance Criteria section without numbered criteria is reported at its heading', () => {
  const report = lintSpec(parseSpec('# T\n\n## Acceptance Criteria\nTo be written.\n'));
  const [f] = crossOf(report, 'cross/no-acceptance-criteria');
  assert.deepEqual(f.places, [{ kind: 'section', key: 'acceptance', heading: 'Acceptance Criteria', line: 3, column: 1 }]);
});

test('a template without an acceptance section (Product Ops) gets a warning only', () => {
  const report = lintSpec(parseSpec('---\ntemplate: product-ops\n---\n# T\n\n## Proposed Design\nText.\n'));
  assert.deepEqual(crossOf(report, 'cross/no-acceptance-criteria').map((f) => f.severity), ['warning']);
});

test('one criterion is enough', () => {
  assert.deepEqual(crossOf(lintParts({ acs: ['When GET /a is sent, then 200.'] }), 'cross/no-acceptance-criteria'), []);
});
