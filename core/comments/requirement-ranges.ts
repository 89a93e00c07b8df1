import { scanRequirements } from './requirement-scan.js';
import { parseSpec } from '../markdown/parse.js';
import { rowScenario } from '../diff/keys.js';
import type { SpecDocument } from '../spec/model.js';
import type { RequirementRange } from './types.js';

/** A document prepared for anchoring: its text and where each requirement id lies, parsed once for many comments. */
export interface AnchorIndex {
  text: string;
  ranges: RequirementRange[];
  /** First occurrence of each id (duplicates are reported by the parser, not anchored to). */
  byId: Map<string, RequirementRange>;
  /** H2 section headings with their offsets, in order. */
  sections: Array<{ heading: string; start: number }>;
}

/** Requirements (FR/NFR/AC) and edge-case rows (`row:<scenario>`) with document offsets, in document order. */
export function requirementRanges(doc: SpecDocument): RequirementRange[] {
  const ranges: RequirementRange[] = [];
  for (const section of doc.sections) {
    for (const item of section.items) ranges.push({ id: item.id, start: section.bodyStart + item.start, end: section.bodyStart + item.end });
    for (const row of section.rows ?? []) {
      const key = rowScenario(row).trim();
      if (key) ranges.push({ id: `row:${key}`, start: section.bodyStart + row.start, end: section.bodyStart + row.end });
    }
  }
  return ranges.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Indexes a document for anchoring with the line scanner (fast enough for NFR-2), or from an
 * already parsed document when the caller has one, or by parsing when the scanner cannot be sure.
 */
export function indexDocument(text: string, doc?: SpecDocument): AnchorIndex {
  let scan = doc ? null : scanRequirements(text);
  // The scanner knows only written FR/NFR/AC ids; other formats' items come from the parser.
  if (scan?.needsParser) {
    doc = parseSpec(text);
    scan = null;
  }
  const ranges = scan ? scan.ranges : requirementRanges(doc!);
  const sections = scan ? scan.sections : doc!.sections.filter((x) => x.heading !== null).map((x) => ({ heading: x.heading!, start: x.start }));
  const byId = new Map<string, RequirementRange>();
  for (const r of ranges) if (!byId.has(r.id)) byId.set(r.id, r);
  return { text, ranges, byId, sections };
}

/** The innermost requirement holding [start, end), or null. Ranges are few (hundreds), so a scan is fine. */
export function requirementAt(index: AnchorIndex, start: number, end: number): RequirementRange | null {
  let best: RequirementRange | null = null;
  for (const r of index.ranges) {
    if (r.start <= start && end <= r.end && (!best || r.end - r.start < best.end - best.start)) best = r;
  }
  return best;
}
