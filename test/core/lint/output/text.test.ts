import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatLintText, lintSpec } from '../../../../core/lint/index.js';
import { parseSpec } from '../../../../core/markdown/parse.js';

test('text output starts with the readiness score and groups findings', () => {
  const doc = parseSpec('# T\n\n## Functional Requirements\n- FR-1: Add GET /a.\n\n## Acceptance Criteria\n- AC-1: It works.\n- AC-2: When GET /a is sent, then 200.\n');
  const text = formatLintText('t.md', lintSpec(doc));
  const lines = text.split('\n');
  assert.equal(lines[0], 't.md');
  assert.match(lines[1], /^Readiness \d+\/100 · binary ACs 1\/2/);
  assert.ok(text.indexOf('Functional requirements') < text.indexOf('Acceptance criteria'));
  assert.match(text, /AC-1 {2}✗ not binary/);
  assert.match(text, /AC-2 {2}✓ binary/);
  assert.match(text, /7:12 +error +ac\/vague-term/);
  assert.match(text, /\d+ errors?, \d+ warnings?, 0 notes · 1 of 2 acceptance criteria not binary\n$/);
});

test('an empty document reads "nothing to check" instead of a score breakdown', () => {
  const text = formatLintText('empty.md', lintSpec(parseSpec('')));
  assert.match(text, /Readiness 0\/100 · nothing to check/);
  assert.doesNotMatch(text, /binary ACs/);
});
