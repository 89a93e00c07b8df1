/**
 * The document line and column of an offset inside an item's text, given where the text
 * starts. Items can span lines (multi-line Given/When/Then), so a finding on the third line
 * of a criterion is reported on that line, at its own column.
 */
export function positionIn(text: string, line: number, column: number, offset: number): { line: number; column: number } {
  const upTo = Math.max(0, Math.min(offset, text.length));
  let lines = 0;
  let lastBreak = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < upTo; i = text.indexOf('\n', i + 1)) {
    lines++;
    lastBreak = i;
  }
  return lines === 0 ? { line, column: column + upTo } : { line: line + lines, column: upTo - lastBreak };
}
