import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lintSpec } from '../../../../../core/lint/index.js';
import { parseSpec } from '../../../../../core/markdown/parse.js';

const fixture = (path: string) => readFileSync(new URL(`../../../../fixtures/formats/${path}/input.md`, import.meta.url), 'utf8');
const mixed = (text: string) => lintSpec(parseSpec(text)).crossFindings.filter((f) => f.rule === 'cross/mixed-format');

test('Kiro criteria under a six-part spec: one info finding naming both formats, and the criteria are linted', () => {
  const doc = parseSpec(fixture('six-part/mixed-kiro-criteria'));
  const report = lintSpec(doc);
  const found = report.crossFindings.filter((f) => f.rule === 'cross/mixed-format');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'info');
  assert.match(found[0].message, /six-part document also holds items written as kiro/);
  assert.deepEqual(report.items.filter((i) => i.kind === 'ac').map((i) => i.id), ['R1.1', 'R1.2']);
});

test('a document in one format gets no mixed-format finding', () => {
  for (const path of ['kiro/four-requirements', 'speckit/three-stories', 'openspec/three-requirements', 'openspec-delta/add-modify-remove']) {
    assert.deepEqual(mixed(fixture(path)), [], path);
  }
});
