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
  // Plain data: serialising and reading back loses nothing (no undefined, Map, Date or class).
  assert.deepEqual(JSON.parse(JSON.stringify(json)), json);
});

test('the JSON document carries the verdict, the located findings and the cross-section checks', () => {
  const doc = parseSpec('# T\n\n## Functional Requirements\n- FR-1: The system must provide GET /a.\n\n## Acceptance Criteria\n- AC-1: It works.\n');
  const json = toLintJson('spec.md', lintSpec(doc));
  const [fr, ac] = json.items;
  assert.deepEqual([fr.id, fr.kind, fr.text, fr.findings], ['FR-1', 'fr', 'The system must provide GET /a.', []]);
  assert.deepEqual([ac.id, ac.kind, ac.text, ac.style], ['AC-1', 'ac', 'It works.', 'plain']);
  // Offsets point into the item's text: the vague word and the pronoun, exactly.
  const located = ac.findings.map((f) => [f.rule, f.severity, ac.text.slice(f.start, f.end)]);
  assert.deepEqual(
    located.filter(([rule]) => rule === 'ac/vague-term' || rule === 'ac/ambiguous-pronoun'),
    [
      ['ac/ambiguous-pronoun', 'error', 'It'],
      ['ac/vague-term', 'error', 'works'],
    ],
  );
  assert.ok(ac.score < fr.score, `a vague criterion scores below a clean requirement (${ac.score} vs ${fr.score})`);
  assert.deepEqual(
    json.crossFindings.map((f) => [f.rule, f.places.map((p) => p.kind === 'item' && p.id)]),
    [['cross/uncovered-fr', ['FR-1']]],
  );
  assert.equal(json.readiness.breakdown.binaryAcs.binary, 0);
  assert.deepEqual(json.readiness.breakdown.sections.missing, ['Context', 'Problem Statement', 'Non-Functional Requirements', 'Edge Cases and Error Handling']);
});
