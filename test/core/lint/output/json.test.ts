import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintSpec, toLintJson } from '../../../../core/lint/index.js';
import { parseSpec } from '../../../../core/markdown/parse.js';

test('the JSON document has exactly the FR-7 keys', () => {
  const doc = parseSpec('# T\n\n## Functional Requirements\n- FR-1: The system must provide GET /a.\n\n## Acceptance Criteria\n- AC-1: It works.\n');
  const json = toLintJson('spec.md', lintSpec(doc));
  assert.deepEqual(Object.keys(json), ['file', 'readiness', 'items', 'crossFindings']);
  assert.equal(json.file, 'spec.md');
  const [fr, ac] = json.items;
  assert.deepEqual(Object.keys(fr), ['id', 'kind', 'text', 'score', 'findings']);
  assert.deepEqual(Object.keys(ac), ['id', 'kind', 'text', 'binary', 'score', 'style', 'findings']);
  assert.equal(ac.binary, false);
  for (const f of ac.findings) {
    assert.deepEqual(Object.keys(f).filter((k) => k !== 'suggestion'), ['rule', 'severity', 'message', 'start', 'end']);
    assert.ok(['error', 'warning', 'info'].includes(f.severity));
  }
  assert.equal(typeof json.readiness.score, 'number');
  assert.ok(JSON.parse(JSON.stringify(json)));
});
