import type { EdgeCaseRow, SpecDocument, SpecSection } from '../spec/model.js';
import { looseText } from './hash.js';

export const PREAMBLE_KEY = 'preamble';
export const PREAMBLE_HEADING = 'Title and front matter';

/** A section of a document as the diff sees it: a stable match key, a display heading and its text. */
export interface KeyedSection {
  key: string;
  heading: string;
  text: string;
  /** Offset of `text` in the document. */
  start: number;
  section: SpecSection | null;
}

/**
 * Gives every repeat of a base key an occurrence suffix ("FR-3", "FR-3#2"), so duplicates
 * (which the parser keeps) are matched first-to-first, second-to-second.
 */
export function occurrenceKeys(bases: string[]): string[] {
  const seen = new Map<string, number>();
  return bases.map((base) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/** The preamble (when not empty) and every section, with keys that survive reordering and renaming within a template. */
export function keyedSections(doc: SpecDocument): KeyedSection[] {
  const result: KeyedSection[] = [];
  if (doc.preamble.length > 0) {
    result.push({ key: PREAMBLE_KEY, heading: PREAMBLE_HEADING, text: doc.preamble, start: 0, section: null });
  }
  const keys = occurrenceKeys(doc.sections.map((s) => s.key ?? `heading:${looseText(s.heading ?? '').toLowerCase()}`));
  doc.sections.forEach((section, i) => {
    result.push({
      key: keys[i],
      heading: section.heading ?? 'Untitled section',
      text: section.headingRaw + section.body,
      start: section.start,
      section,
    });
  });
  return result;
}

/** The cell a row is known by: its scenario, else its first cell. */
export function rowScenario(row: EdgeCaseRow): string {
  return row.scenario || Object.values(row.cells)[0] || '';
}
