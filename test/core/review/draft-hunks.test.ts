import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hunkEdit, hunkLabel, proposedBody, type LineChange, type LineRangeEdit } from '../../../core/review/draft-hunks.js';

/** What an editor does with a line/column edit, written out by offsets. */
function apply(text: string, edit: LineRangeEdit, eol: string): string {
  const lines = text.split(eol);
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + eol.length, 0) + column - 1;
  const { startLineNumber, startColumn, endLineNumber, endColumn } = edit.range;
  return text.slice(0, offset(startLineNumber, startColumn)) + edit.text + text.slice(offset(endLineNumber, endColumn));
}

function accept(original: string, modified: string, change: LineChange, eol = '\n'): string {
  return apply(original, hunkEdit(change, original.split(eol), modified.split(eol), eol), eol);
}

const hunk = (oS: number, oE: number, mS: number, mE: number): LineChange => ({ originalStartLineNumber: oS, originalEndLineNumber: oE, modifiedStartLineNumber: mS, modifiedEndLineNumber: mE });

describe('hunkEdit: accepting one hunk changes only its lines', () => {
  const original = 'one\ntwo\nthree';

  it('changes lines in place', () => {
    assert.equal(accept(original, 'one\nTWO\nthree', hunk(2, 2, 2, 2)), 'one\nTWO\nthree');
    assert.equal(accept(original, 'ONE\nthree', hunk(1, 2, 1, 1)), 'ONE\nthree');
  });

  it('inserts before the first line and after any line', () => {
    assert.equal(accept(original, 'zero\none\ntwo\nthree', hunk(0, 0, 1, 1)), 'zero\none\ntwo\nthree');
    assert.equal(accept(original, 'one\ntwo\n2.5\n2.75\nthree', hunk(2, 0, 3, 4)), 'one\ntwo\n2.5\n2.75\nthree');
    assert.equal(accept(original, 'one\ntwo\nthree\nfour', hunk(3, 0, 4, 4)), 'one\ntwo\nthree\nfour');
  });

  it('deletes lines with one line break: the one after, else the one before', () => {
    assert.equal(accept(original, 'one\nthree', hunk(2, 2, 1, 0)), 'one\nthree');
    assert.equal(accept(original, 'two\nthree', hunk(1, 1, 0, 0)), 'two\nthree');
    assert.equal(accept(original, 'one\ntwo', hunk(3, 3, 2, 0)), 'one\ntwo');
    assert.equal(accept('only', '', hunk(1, 1, 0, 0)), '');
  });

  it('keeps the section\'s CRLF line breaks', () => {
    assert.equal(accept('a\r\nb\r\nc', 'a\r\nB1\r\nB2\r\nc', hunk(2, 2, 2, 3), '\r\n'), 'a\r\nB1\r\nB2\r\nc');
  });

  it('leaves the other hunks for later: accepting them one by one gives the proposal', () => {
    const before = 'title\nold a\nkeep\nold b\nend';
    const after = 'title\nnew a\nkeep\nend\nadded';
    // Later hunks first, so earlier line numbers stay valid (the diff is recomputed in the app).
    let text = accept(before, after, hunk(5, 0, 5, 5));
    text = accept(text, after, hunk(4, 4, 3, 0));
    text = accept(text, after, hunk(2, 2, 2, 2));
    assert.equal(text, after);
  });
});

describe('hunkLabel', () => {
  it('says what a hunk does, in lines of each side', () => {
    assert.equal(hunkLabel(hunk(2, 0, 3, 4)), 'Add 2 line(s) after line 2');
    assert.equal(hunkLabel(hunk(2, 3, 1, 0)), 'Remove lines 2–3');
    assert.equal(hunkLabel(hunk(4, 4, 4, 6)), 'Change line 4 → lines 4–6');
  });
});

describe('proposedBody', () => {
  it('uses the section\'s line breaks and keeps the blank lines that end it', () => {
    assert.equal(proposedBody('old\r\n\r\n', 'new\nlines\n\n\n', '\r\n'), 'new\r\nlines\r\n\r\n');
    assert.equal(proposedBody('', 'text  ', '\n'), 'text\n');
  });
});
