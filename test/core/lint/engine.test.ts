import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createLintCache, lintSpec, positionIn, resolveLintConfig } from '../../../core/lint/index.js';
import { parseSpec } from '../../../core/markdown/parse.js';

const sample = readFileSync(new URL('../../../samples/magic-link-draft.md', import.meta.url), 'utf8');

test('binary is false exactly when an AC has an error-severity finding', () => {
  const report = lintSpec(parseSpec(sample));
  const acs = report.items.filter((i) => i.kind === 'ac');
  assert.ok(acs.length > 0);
  for (const ac of acs) assert.equal(ac.binary, !ac.findings.some((f) => f.severity === 'error'), ac.id);
  for (const item of report.items.filter((i) => i.kind !== 'ac')) {
    assert.equal(item.binary, undefined);
    assert.equal(item.style, undefined);
  }
});

test('scores: binary ACs 60–100, others at most 45', () => {
  for (const ac of lintSpec(parseSpec(sample)).items.filter((i) => i.kind === 'ac')) {
    if (ac.binary) assert.ok(ac.score >= 60 && ac.score <= 100, `${ac.id} ${ac.score}`);
    else assert.ok(ac.score >= 0 && ac.score <= 45, `${ac.id} ${ac.score}`);
  }
});

test('finding offsets point into the item text and map to document lines, also on later lines of a multi-line AC', () => {
  // "may" stays weak in a Then step ("should" there is a Gherkin assertion).
  const doc = parseSpec('# T\n\n## Acceptance Criteria\n- AC-1: Given a user\n  When they log in\n  Then it may work\n');
  const [ac] = lintSpec(doc).items;
  const modal = ac.findings.find((f) => f.rule === 'ac/weak-modal')!;
  assert.equal(ac.text.slice(modal.start, modal.end), 'may');
  const at = positionIn(ac.text, ac.line, ac.column, modal.start);
  assert.deepEqual(at, { line: 6, column: 11 });
  assert.equal(doc.source.split('\n')[at.line - 1].slice(at.column - 1, at.column - 1 + 3), 'may');
});

test('a cache re-lints only the changed item and gives the same report', () => {
  const cache = createLintCache();
  const first = lintSpec(parseSpec(sample), { cache });
  assert.equal(cache.hits, 0);
  const edited = sample.replace('AC-3: The user should get the email quickly.', 'AC-3: The user must get the email quickly.');
  const misses = cache.misses;
  const second = lintSpec(parseSpec(edited), { cache });
  assert.equal(cache.misses - misses, 1, 'only the edited criterion is linted again');
  const fresh = lintSpec(parseSpec(edited));
  assert.deepEqual(second, fresh);
  assert.notDeepEqual(second, first);
});

test('a different config empties the cache instead of reusing stale verdicts', () => {
  const cache = createLintCache();
  lintSpec(parseSpec(sample), { cache });
  const relaxed = lintSpec(parseSpec(sample), { cache, config: resolveLintConfig({ rules: { 'ac/weak-modal': 'off' } }) });
  assert.ok(relaxed.items.every((i) => i.findings.every((f) => f.rule !== 'ac/weak-modal')));
});

test('the cache keeps about one document, however many runs', () => {
  const cache = createLintCache();
  for (let i = 0; i < 20; i++) lintSpec(parseSpec(sample.replace('AC-1: The magic link login works.', `AC-1: Version ${i} returns 200.`)), { cache });
  const items = parseSpec(sample).sections.reduce((n, s) => n + s.items.length, 0);
  assert.ok(cache.size <= items + 2, `cache holds ${cache.size} entries`);
});

test('non-English specs lint without crashing and say the text was not checked (FR-7)', () => {
  const doc = parseSpec('# Anmeldung\n\n## Akzeptanzkriterien\n- AC-1: Die Anmeldung funktioniert immer korrekt und schnell.\n');
  const report = lintSpec(doc);
  assert.deepEqual(report.items[0].findings.map((f) => f.message), ['not checked: language not supported (de)']);
  assert.equal(report.items[0].binary, undefined);
});
