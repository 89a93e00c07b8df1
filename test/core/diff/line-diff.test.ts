import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { diffLineArrays, diffLines, formatHunks, splitLines, type LineEdit } from '../../../core/diff/line-diff.js';

/** Rebuilds both sides from an edit script, proving it describes exactly a → b. */
function replay(edits: LineEdit[], a: string[], b: string[]): { old: string[]; now: string[] } {
  const old: string[] = [];
  const now: string[] = [];
  for (const e of edits) {
    if (e.kind !== 'added') old.push(a[e.oldIndex]);
    if (e.kind !== 'removed') now.push(b[e.newIndex]);
    if (e.kind === 'equal') assert.equal(a[e.oldIndex], b[e.newIndex]);
  }
  return { old, now };
}

function lcsLength(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(row[j], row[j - 1]);
      diag = up;
    }
  }
  return row[b.length];
}

test('splitLines drops only the empty piece after a final line ending', () => {
  assert.deepEqual(splitLines(''), []);
  assert.deepEqual(splitLines('a\nb\n'), ['a', 'b']);
  assert.deepEqual(splitLines('a\nb'), ['a', 'b']);
  assert.deepEqual(splitLines('a\n\n'), ['a', '']);
});

test('the edit script replays both texts and is minimal (matches the LCS length)', () => {
  const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 30 });
  fc.assert(
    fc.property(lines, lines, (a, b) => {
      const edits = diffLineArrays(a, b);
      const { old, now } = replay(edits, a, b);
      assert.deepEqual(old, a);
      assert.deepEqual(now, b);
      const changes = edits.filter((e) => e.kind !== 'equal').length;
      assert.equal(changes, a.length + b.length - 2 * lcsLength(a, b));
    }),
    { numRuns: 400 },
  );
});

test('texts differing beyond the edit-distance cap still get a correct (replace-all) script', () => {
  const a = Array.from({ length: 2500 }, (_, i) => `old ${i}`);
  const b = Array.from({ length: 2500 }, (_, i) => `new ${i}`);
  const edits = diffLineArrays(a, b);
  const { old, now } = replay(edits, a, b);
  assert.deepEqual(old, a);
  assert.deepEqual(now, b);
});

test('hunks carry document line numbers and three lines of context', () => {
  const before = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'].join('\n') + '\n';
  const after = before.replace('five\n', 'FIVE\n').replace('ten\n', 'ten\neleven\n');
  const hunks = diffLines(before, after, { oldFirstLine: 20, newFirstLine: 30 });
  assert.equal(
    formatHunks(hunks),
    ['@@ -21,9 +31,10 @@', ' two', ' three', ' four', '-five', '+FIVE', ' six', ' seven', ' eight', ' nine', ' ten', '+eleven'].join('\n'),
  );
  const added = hunks[0].lines.find((l) => l.text === 'eleven');
  assert.equal(added?.newLine, 40);
  assert.equal(added?.oldLine, undefined);
});

test('far-apart changes become separate hunks; equal texts give none', () => {
  const base = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`);
  const changed = [...base];
  changed[2] = 'changed 3';
  changed[35] = 'changed 36';
  const hunks = diffLines(base.join('\n'), changed.join('\n'), { context: 2 });
  assert.equal(hunks.length, 2);
  assert.deepEqual(
    hunks.map((h) => [h.oldStart, h.oldLines, h.newStart, h.newLines]),
    [
      [1, 5, 1, 5],
      [34, 5, 34, 5],
    ],
  );
  assert.deepEqual(diffLines(base.join('\n'), base.join('\n')), []);
});

test('CRLF line endings are compared but not shown', () => {
  const hunks = diffLines('a\r\nb\r\n', 'a\r\nc\r\n', { context: 0 });
  assert.deepEqual(hunks[0].lines.map((l) => `${l.kind}:${l.text}`), ['removed:b', 'added:c']);
});
