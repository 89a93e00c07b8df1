import { toEol } from '../spec/edit.js';

/**
 * One hunk of a line diff, numbered as Monaco's diff editor reports it (1-based lines). An end
 * of 0 means the side has no lines: on the original side the hunk is an insertion after the
 * start line (0: before the first), on the modified side a deletion.
 */
export interface LineChange {
  originalStartLineNumber: number;
  originalEndLineNumber: number;
  modifiedStartLineNumber: number;
  modifiedEndLineNumber: number;
}

/** A replacement of a line/column range (1-based, end exclusive as in Monaco) of the original text. */
export interface LineRangeEdit {
  range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number };
  text: string;
}

/** The proposal as a section's new body: the section's line endings, and the blank lines that end its current body. */
export function proposedBody(current: string, proposal: string, eol: '\n' | '\r\n'): string {
  const trailing = current.slice(current.replace(/\s+$/, '').length);
  return toEol(proposal.replace(/\s+$/, ''), eol) + (trailing || eol);
}

/** What the hunk list says about a hunk: "Add 2 line(s) after line 3", "Change lines 1–2 → line 1". */
export function hunkLabel(c: LineChange): string {
  const lines = (start: number, end: number) => (end === 0 ? `after line ${start}` : start === end ? `line ${start}` : `lines ${start}–${end}`);
  if (c.originalEndLineNumber === 0) return `Add ${c.modifiedEndLineNumber - c.modifiedStartLineNumber + 1} line(s) ${lines(c.originalStartLineNumber, 0)}`;
  if (c.modifiedEndLineNumber === 0) return `Remove ${lines(c.originalStartLineNumber, c.originalEndLineNumber)}`;
  return `Change ${lines(c.originalStartLineNumber, c.originalEndLineNumber)} → ${lines(c.modifiedStartLineNumber, c.modifiedEndLineNumber)}`;
}

/**
 * The edit that accepts one hunk: its lines of the proposal replace the section's lines, so the
 * rest of the section (and the other hunks) stay as they are. `original` and `modified` are the
 * two texts split into lines without their line breaks; `eol` is the original text's line break.
 */
export function hunkEdit(change: LineChange, original: readonly string[], modified: readonly string[], eol: string): LineRangeEdit {
  const maxColumn = (line: number) => (original[line - 1] ?? '').length + 1;
  const at = (line: number, column: number, endLine = line, endColumn = column) => ({ startLineNumber: line, startColumn: column, endLineNumber: endLine, endColumn });
  const lines = change.modifiedEndLineNumber === 0 ? null : modified.slice(change.modifiedStartLineNumber - 1, change.modifiedEndLineNumber).join(eol);
  if (change.originalEndLineNumber === 0) {
    const after = change.originalStartLineNumber;
    if (after === 0) return { range: at(1, 1), text: `${lines ?? ''}${eol}` };
    return { range: at(after, maxColumn(after)), text: `${eol}${lines ?? ''}` };
  }
  const from = change.originalStartLineNumber;
  const to = change.originalEndLineNumber;
  if (lines !== null) return { range: at(from, 1, to, maxColumn(to)), text: lines };
  // A pure deletion: the lines go together with one line break (the one after them, else the one before).
  if (to < original.length) return { range: at(from, 1, to + 1, 1), text: '' };
  if (from > 1) return { range: at(from - 1, maxColumn(from - 1), to, maxColumn(to)), text: '' };
  return { range: at(from, 1, to, maxColumn(to)), text: '' };
}

