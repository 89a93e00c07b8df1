import type { RequirementRange } from './types.js';

// A line scanner for the requirement ids and edge-case rows comments anchor to. The full
// Markdown parse (remark) costs seconds on a 200 KB spec on a busy machine; anchoring needs only
// where each id's text lies, so this follows the parser's rules for ids (core/markdown/items.ts)
// and table rows (core/markdown/table.ts) line by line. test/core/comments/requirement-scan.test.ts
// checks it finds the same ranges as the parser on every sample and fixture spec.

/** The parser's id prefix (core/markdown/items.ts), after an optional list marker. */
const ID_PREFIX =
  /^(?:\[[ xX]\][ \t]+)?(?:\*\*|__)?[ \t]*(FR|NFR|AC)-(\d+)\b(?:[ \t]*\(([^)\n]*)\))?[ \t]*(?:\*\*|__)?[ \t]*[:.\u2013\u2014-]?[ \t]*(?:\*\*|__)?[ \t]*/;
const LIST_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(```+|~~~+)/;
const TABLE_LINE = /^ {0,3}\|/;
const TABLE_SEPARATOR = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const SCENARIO_HEADER = /scenario|case|condition|situation/i;

export interface ScannedSection {
  heading: string;
  /** Offset of the heading line. */
  start: number;
}

export interface RequirementScan {
  ranges: RequirementRange[];
  /**
   * The text holds item shapes only the parser reads (issue 11's formats: Kiro and OpenSpec
   * requirement headings, spec-kit stories, id-less criteria, id tables): `ranges` may then
   * miss items, and the caller parses instead.
   */
  needsParser: boolean;
  /** H2 sections in order (what a thread's section heading is). */
  sections: ScannedSection[];
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const lineEnd = end > start && text[end - 1] === '\r' ? end - 1 : end;
    lines.push({ start, end: lineEnd, text: text.slice(start, lineEnd) });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

function cells(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  return body.split(/(?<!\\)\|/).map((c) => c.trim());
}

/** Requirement ranges (id text after its label, as the parser slices it) and edge-case rows, in document order. */
export function scanRequirements(text: string): RequirementScan {
  const lines = splitLines(text);
  const ranges: RequirementRange[] = [];
  const sections: ScannedSection[] = [];
  let open: { id: string; start: number; end: number } | null = null;
  let needsParser = false;
  let criteriaSection = false;
  let inFence: string | null = null;
  // A document without any H2 is one section to the parser.
  let inSection = !lines.some((l) => /^ {0,3}##[ \t]/.test(l.text));
  const close = () => {
    if (open) {
      let end = open.end;
      while (end > open.start && /\s/.test(text[end - 1])) end--;
      ranges.push({ id: open.id, start: open.start, end });
      open = null;
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = FENCE.exec(line.text);
    if (inFence) {
      if (fence && fence[1][0] === inFence[0] && fence[1].length >= inFence.length) inFence = null;
      continue;
    }
    if (fence) {
      close();
      inFence = fence[1];
      continue;
    }
    if (HEADING.test(line.text)) {
      close();
      if (/^ {0,3}#{3,6}[ \t].*\b(?:requirement|scenario|acceptance criteria|user story|success criteria)/i.test(line.text)) needsParser = true;
      const h2 = /^ {0,3}##[ \t]+(.*?)[ \t#]*$/.exec(line.text);
      if (h2 && !/^ {0,3}###/.test(line.text)) {
        sections.push({ heading: h2[1], start: line.start });
        inSection = true;
        criteriaSection = /criteria|scenario|requirement|stor(?:y|ies)/i.test(h2[1]);
        if (/\*\((?:mandatory|optional)\)\*/i.test(h2[1])) needsParser = true;
      }
      continue;
    }
    if (line.text.trim() === '') {
      close();
      continue;
    }
    if (!inSection) continue;
    if (TABLE_LINE.test(line.text) && i + 1 < lines.length && TABLE_SEPARATOR.test(lines[i + 1].text) && lines[i + 1].text.includes('-')) {
      close();
      const headers = cells(line.text);
      const scenarioColumn = Math.max(0, headers.findIndex((h) => SCENARIO_HEADER.test(h)));
      i += 2;
      for (; i < lines.length && TABLE_LINE.test(lines[i].text); i++) {
        const row = cells(lines[i].text);
        const key = (row[scenarioColumn] || row[0] || '').trim();
        if (/^[A-Z]{1,6}-?\d/.test(row[0] ?? '')) needsParser = true;
        const start = lines[i].start + (lines[i].text.length - lines[i].text.trimStart().length);
        if (key) ranges.push({ id: `row:${key}`, start, end: lines[i].start + lines[i].text.trimEnd().length });
      }
      i--;
      continue;
    }
    const marker = LIST_MARKER.exec(line.text);
    const indent = marker ? marker[0].length : line.text.length - line.text.trimStart().length;
    const rest = line.text.slice(indent);
    const id = ID_PREFIX.exec(rest);
    if (id) {
      close();
      open = { id: `${id[1]}-${id[2]}`, start: line.start + indent + id[0].length, end: line.end };
      continue;
    }
    // A new list item without an id ends the open item; other lines continue it.
    if (marker && criteriaSection && indent === marker[0].length && !/^[ \t]/.test(line.text)) needsParser = true;
    if (marker) close();
    else if (open) open.end = line.end;
  }
  close();
  return { ranges, sections, needsParser };
}
