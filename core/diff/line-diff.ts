import type { DiffLine, Hunk } from './types.js';

/** One step of an edit script over lines. */
export interface LineEdit {
  kind: 'equal' | 'removed' | 'added';
  /** 0-based index in the old lines (equal, removed) or the new lines (added). */
  oldIndex: number;
  newIndex: number;
}

/**
 * Beyond this many differences the O(D²) trace of Myers' algorithm gets large; the rest is
 * then reported as one replacement, which is still a correct (if not minimal) diff.
 */
const MAX_EDIT_DISTANCE = 3000;

/** Splits text into lines without their line endings; a final line ending adds no empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * A minimal line edit script (Myers' O(ND) algorithm) after trimming the common head and
 * tail, which is where almost all of a spec revision's lines are.
 */
export function diffLineArrays(a: readonly string[], b: readonly string[]): LineEdit[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;

  const edits: LineEdit[] = [];
  for (let i = 0; i < head; i++) edits.push({ kind: 'equal', oldIndex: i, newIndex: i });
  for (const edit of myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail))) {
    edits.push({ kind: edit.kind, oldIndex: edit.oldIndex + head, newIndex: edit.newIndex + head });
  }
  for (let i = tail; i > 0; i--) edits.push({ kind: 'equal', oldIndex: a.length - i, newIndex: b.length - i });
  return edits;
}

function myers(a: readonly string[], b: readonly string[]): LineEdit[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return replaceAll(a, b, 0, 0);
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v[k] for k in [-d, d] after step d, enough to walk the path back.
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= Math.min(max, MAX_EDIT_DISTANCE); d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
    if (found >= 0) break;
  }
  if (found < 0) return replaceAll(a, b, 0, 0);

  const reversed: LineEdit[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1];
    const at = (k: number) => prev[k + (d - 1)];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      reversed.push({ kind: 'equal', oldIndex: x, newIndex: y });
    }
    if (x === prevX) reversed.push({ kind: 'added', oldIndex: x, newIndex: prevY });
    else reversed.push({ kind: 'removed', oldIndex: prevX, newIndex: y });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    reversed.push({ kind: 'equal', oldIndex: x, newIndex: y });
  }
  return reversed.reverse();
}

function replaceAll(a: readonly string[], b: readonly string[], oldBase: number, newBase: number): LineEdit[] {
  return [
    ...a.map((_, i) => ({ kind: 'removed' as const, oldIndex: oldBase + i, newIndex: newBase })),
    ...b.map((_, i) => ({ kind: 'added' as const, oldIndex: oldBase + a.length, newIndex: newBase + i })),
  ];
}

export interface HunkOptions {
  /** Unchanged lines shown around each change (default 3). */
  context?: number;
  /** 1-based document line of the first line of each text (default 1). */
  oldFirstLine?: number;
  newFirstLine?: number;
}

/** Unified-diff hunks between two texts; empty when they are equal line for line. */
export function diffLines(before: string, after: string, options: HunkOptions = {}): Hunk[] {
  const context = options.context ?? 3;
  const oldFirst = options.oldFirstLine ?? 1;
  const newFirst = options.newFirstLine ?? 1;
  const a = splitLines(before);
  const b = splitLines(after);
  const edits = diffLineArrays(a, b);
  const changed = edits.map((e, i) => (e.kind === 'equal' ? -1 : i)).filter((i) => i >= 0);
  if (changed.length === 0) return [];

  // Group changes whose context windows touch into one hunk.
  const groups: Array<[number, number]> = [];
  for (const i of changed) {
    const last = groups[groups.length - 1];
    if (last && i - last[1] <= 2 * context + 1) last[1] = i;
    else groups.push([i, i]);
  }
  const strip = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
  return groups.map(([first, last]) => {
    const from = Math.max(0, first - context);
    const to = Math.min(edits.length - 1, last + context);
    const lines: DiffLine[] = [];
    for (let i = from; i <= to; i++) {
      const e = edits[i];
      if (e.kind === 'equal') lines.push({ kind: 'context', text: strip(a[e.oldIndex]), oldLine: oldFirst + e.oldIndex, newLine: newFirst + e.newIndex });
      else if (e.kind === 'removed') lines.push({ kind: 'removed', text: strip(a[e.oldIndex]), oldLine: oldFirst + e.oldIndex });
      else lines.push({ kind: 'added', text: strip(b[e.newIndex]), newLine: newFirst + e.newIndex });
    }
    const start = edits[from];
    const oldLines = lines.filter((l) => l.kind !== 'added').length;
    const newLines = lines.filter((l) => l.kind !== 'removed').length;
    return {
      oldStart: oldFirst + (oldLines === 0 ? start.oldIndex - 1 : start.oldIndex),
      oldLines,
      newStart: newFirst + (newLines === 0 ? start.newIndex - 1 : start.newIndex),
      newLines,
      lines,
    };
  });
}

/** Hunks as unified-diff text ("@@ -a,b +c,d @@" headers, then " ", "-", "+" lines). */
export function formatHunks(hunks: Hunk[]): string {
  const out: string[] = [];
  for (const h of hunks) {
    out.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`);
    for (const line of h.lines) out.push(`${line.kind === 'context' ? ' ' : line.kind === 'removed' ? '-' : '+'}${line.text}`);
  }
  return out.join('\n');
}
