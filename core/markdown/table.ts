import type { Table } from 'mdast';
import type { EdgeCaseRow } from '../spec/model.js';
import type { LineIndex } from './lines.js';
import { endOffset, startOffset } from './tree.js';

type RowField = 'scenario' | 'status' | 'body' | 'sideEffect';

/** Which model field a header means; authors name these columns many ways. */
function fieldOf(header: string): RowField | null {
  const h = header.toLowerCase();
  if (/scenario|case|condition|situation/.test(h)) return 'scenario';
  if (/status|code|http/.test(h)) return 'status';
  if (/side|effect|logging|action/.test(h)) return 'sideEffect';
  if (/body|response|behaviou?r|result|outcome/.test(h)) return 'body';
  return null;
}

/** Rows of a GFM table, each keyed by its header names; cell text is the source as written. */
export function extractRows(table: Table, source: string, bodyStart: number, lines: LineIndex): EdgeCaseRow[] {
  const [headerRow, ...bodyRows] = table.children;
  if (!headerRow) return [];
  const cellText = (cell: Table['children'][number]['children'][number]): string => {
    const first = cell.children[0];
    const last = cell.children[cell.children.length - 1];
    return first && last ? source.slice(startOffset(first), endOffset(last)).trim() : '';
  };
  const headers = headerRow.children.map(cellText);
  return bodyRows.map((row) => {
    const result: EdgeCaseRow = {
      scenario: '',
      status: '',
      body: '',
      sideEffect: '',
      cells: {},
      line: lines.line(startOffset(row)),
      start: startOffset(row) - bodyStart,
      end: endOffset(row) - bodyStart,
    };
    row.children.forEach((cell, i) => {
      const header = headers[i] ?? `column ${i + 1}`;
      const text = cellText(cell);
      result.cells[header] = text;
      const field = fieldOf(header);
      if (field && !result[field]) result[field] = text;
    });
    return result;
  });
}
