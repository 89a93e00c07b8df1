import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lintSpec } from '../../../core/lint/index.js';
import { parseSpec } from '../../../core/markdown/parse.js';
import { lintParts } from './helpers.js';

const read = (name: string) => lintSpec(parseSpec(readFileSync(new URL(`../../../samples/${name}`, import.meta.url), 'utf8')));

test('readiness is the sum of its four parts, each within its maximum', () => {
  for (const name of ['magic-link.md', 'magic-link-draft.md', 'audit-log-export.md']) {
    const { score, breakdown } = read(name).readiness;
    const parts = Object.values(breakdown);
    for (const p of parts) assert.ok(p.points >= 0 && p.points <= p.max, name);
    assert.equal(parts.reduce((n, p) => n + p.max, 0), 100);
    assert.equal(score, Math.round(parts.reduce((n, p) => n + p.points, 0)), name);
  }
});

test('the sound sample outranks the draft', () => {
  assert.ok(read('magic-link.md').readiness.score > read('magic-link-draft.md').readiness.score + 30);
});

test('share of binary ACs, FR coverage and empty sections move the score', () => {
  const good = lintParts({ frs: ['The system must provide GET /a.'], acs: ['When GET /a is sent, then the status is 200.'] }).readiness;
  assert.equal(good.breakdown.binaryAcs.points, 40);
  assert.equal(good.breakdown.frCoverage.points, 25);
  assert.deepEqual(good.breakdown.sections.missing, ['Non-Functional Requirements']);
  const bad = lintParts({ frs: ['The system must provide GET /a.', 'The system must provide GET /b.'], acs: ['When GET /a is sent, then the status is 200.', 'It works.'] }).readiness;
  assert.equal(bad.breakdown.binaryAcs.points, 20);
  assert.equal(bad.breakdown.frCoverage.points, 12.5);
});

test('an empty document scores 0 with nothing to check', () => {
  for (const text of ['', '# Just a title\n', '---\ntitle: X\n---\n']) {
    const r = lintSpec(parseSpec(text)).readiness;
    assert.equal(r.score, 0, JSON.stringify(text));
    assert.equal(r.nothingToCheck, true);
  }
  assert.notEqual(read('magic-link.md').readiness.nothingToCheck, true);
});
