import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lintSpec } from '../../../core/lint/index.js';
import { parseSpec } from '../../../core/markdown/parse.js';
import { listProblems } from '../../../core/present/problems.js';
import { buildPanes } from '../../../core/spec/panes.js';

const doc = parseSpec(readFileSync(new URL('../../../samples/magic-link-draft.md', import.meta.url), 'utf8'));
const report = lintSpec(doc);
const panes = buildPanes(doc);
const problems = listProblems(report, panes);
const rank = { error: 0, warning: 1, info: 2 };

test('every finding of the draft sample becomes one problem, errors first, then by line', () => {
  const findings = report.items.reduce((n, item) => n + item.findings.length, 0) + report.crossFindings.length;
  assert.ok(findings > 0, 'the draft sample has findings');
  assert.equal(problems.length, findings);
  assert.equal(new Set(problems.map((p) => p.key)).size, problems.length, 'keys are unique');
  for (let i = 1; i < problems.length; i++) {
    const [a, b] = [problems[i - 1], problems[i]];
    assert.ok(rank[a.severity] < rank[b.severity] || (a.severity === b.severity && a.line <= b.line), `${a.key} before ${b.key}`);
  }
});

test('an item finding jumps to the flagged words in its section pane', () => {
  const jumping = problems.filter((p) => p.jump && p.jump.length > 0);
  assert.ok(jumping.length > 0);
  for (const p of jumping) {
    const pane = panes.find((x) => x.id === p.jump!.paneId)!;
    const body = doc.sections[pane.sectionIndex!].body;
    const item = report.items.find((i) => i.id === p.where && i.line === p.line)!;
    const finding = item.findings.find((f) => f.message === p.message)!;
    assert.equal(body.slice(p.jump!.offset, p.jump!.offset + p.jump!.length), item.text.slice(finding.start, finding.end));
  }
});
