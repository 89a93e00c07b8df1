import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lintSpec, quickFixes } from '../../../core/lint/index.js';
import { parseSpec } from '../../../core/markdown/parse.js';

test('applying the weak-modal fix in a document removes the finding (what the editor does)', () => {
  const source = readFileSync(new URL('../../../samples/magic-link-draft.md', import.meta.url), 'utf8');
  const doc = parseSpec(source);
  const report = lintSpec(doc);
  const ac = report.items.find((i) => i.id === 'AC-3')!;
  const finding = ac.findings.find((f) => f.rule === 'ac/weak-modal')!;
  const [fix] = quickFixes(finding, ac.text);
  assert.equal(fix.title, 'Replace "should" with "must"');
  const base = doc.sections[ac.section].bodyStart + ac.start;
  const [edit] = fix.edits;
  const edited = source.slice(0, base + edit.start) + edit.newText + source.slice(base + edit.end);
  assert.match(edited, /AC-3: The user must get the email quickly\./);
  const after = lintSpec(parseSpec(edited)).items.find((i) => i.id === 'AC-3')!;
  assert.ok(!after.findings.some((f) => f.rule === 'ac/weak-modal'));
});

test('rules without a mechanical fix, and unknown rules, offer none', () => {
  assert.deepEqual(quickFixes({ rule: 'ac/vague-term', start: 0, end: 5 }, 'works'), []);
  assert.deepEqual(quickFixes({ rule: 'cross/number-conflict', start: 0, end: 1 }, 'x'), []);
  assert.deepEqual(quickFixes({ rule: 'nope/nope', start: 0, end: 1 }, 'x'), []);
});
