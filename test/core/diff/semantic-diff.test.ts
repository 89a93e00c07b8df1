import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffSpecs } from '../../../core/diff/semantic-diff.js';
import { splitLines } from '../../../core/diff/line-diff.js';
import { expectJson, fixtureCases, fixturesRoot } from '../../support/fixtures.js';

const fixtures = join(fixturesRoot, 'diff');
const samples = join(import.meta.dirname, '..', '..', '..', 'samples');

// test/fixtures/diff/<case>/before.md + after.md → expected.json (the layout: test/support/fixtures.ts).
for (const fixture of fixtureCases('diff')) {
  test(`fixture ${fixture.name}: summary and description match expected.json`, () => {
    const diff = diffSpecs(fixture.read('before.md'), fixture.read('after.md'));
    expectJson(fixture, {
      description: diff.description,
      summary: diff.summary,
      sections: diff.sections.map((s) => `${s.heading}: ${s.change}`),
    });
  });
}

test('AC-5: versions differing only in Acceptance Criteria list only that section, and the diff shows the changed lines', () => {
  const before = readFileSync(join(samples, 'magic-link.md'), 'utf8');
  const oldLine = before.split('\n').find((l) => l.startsWith('- **AC-3:**'))!;
  const newLine = oldLine.replace('the response status is 200', 'the response status is 200 within 1 s');
  assert.notEqual(newLine, oldLine);
  const after = before.replace(oldLine, newLine).trimEnd() + '\n- **AC-11:** Given a used token, when it is verified again, then the status is 400.\n';

  const diff = diffSpecs(before, after);
  assert.deepEqual(diff.summary.sections, [{ key: 'acceptance', heading: 'Acceptance Criteria', change: 'modified' }]);
  assert.deepEqual(diff.summary.items, [
    { id: 'AC-3', section: 'Acceptance Criteria', change: 'modified' },
    { id: 'AC-11', section: 'Acceptance Criteria', change: 'added' },
  ]);
  assert.deepEqual(diff.summary.rows, []);
  assert.deepEqual(diff.description, ['Acceptance Criteria: AC-3 modified, AC-11 added']);
  assert.deepEqual(
    diff.sections.filter((s) => s.change !== 'unchanged').map((s) => s.key),
    ['acceptance'],
  );

  const section = diff.sections.find((s) => s.key === 'acceptance')!;
  const changed = section.hunks.flatMap((h) => h.lines).filter((l) => l.kind !== 'context');
  assert.deepEqual(
    changed.map((l) => `${l.kind} ${l.text}`),
    [`removed ${oldLine}`, `added ${newLine}`, 'added - **AC-11:** Given a used token, when it is verified again, then the status is 400.'],
  );
  // Line numbers point into the whole documents, so a diff editor can reveal them.
  const afterLines = splitLines(after);
  for (const line of changed.filter((l) => l.kind === 'added')) assert.equal(afterLines[line.newLine! - 1], line.text);
  const beforeLines = splitLines(before);
  for (const line of changed.filter((l) => l.kind === 'removed')) assert.equal(beforeLines[line.oldLine! - 1], line.text);
  // Every other section carries its text for a per-section diff view but no hunks.
  for (const s of diff.sections.filter((x) => x.change === 'unchanged')) {
    assert.equal(s.before, s.after);
    assert.deepEqual(s.hunks, []);
  }
});

test('identical texts produce an empty summary', () => {
  const text = readFileSync(join(samples, 'audit-log-export.md'), 'utf8');
  const diff = diffSpecs(text, text);
  assert.deepEqual(diff.summary, { sections: [], items: [], rows: [] });
  assert.deepEqual(diff.description, []);
  assert.ok(diff.sections.length > 0 && diff.sections.every((s) => s.change === 'unchanged'));
});

test('section texts of both versions concatenate back to the documents', () => {
  const before = readFileSync(join(fixtures, 'sections-moved', 'before.md'), 'utf8');
  const after = readFileSync(join(fixtures, 'sections-moved', 'after.md'), 'utf8');
  const diff = diffSpecs(before, after);
  const joinSide = (side: 'before' | 'after', lineKey: 'beforeLine' | 'afterLine') =>
    diff.sections
      .filter((s) => s[side] !== null)
      .sort((a, b) => a[lineKey]! - b[lineKey]!)
      .map((s) => s[side])
      .join('');
  assert.equal(joinSide('before', 'beforeLine'), before);
  assert.equal(joinSide('after', 'afterLine'), after);
});
