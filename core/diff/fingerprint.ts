import type { SpecDocument } from '../spec/model.js';
import { hashText, looseText } from './hash.js';
import { keyedSections, occurrenceKeys, rowScenario } from './keys.js';
import type { ChangeKind, ChangeSummary, SpecFingerprint } from './types.js';

export const FINGERPRINT_VERSION = 1;

/** Hashes of every section, requirement and edge-case row of a parsed spec. */
export function fingerprintSpec(doc: SpecDocument): SpecFingerprint {
  const sections = keyedSections(doc);
  const items: SpecFingerprint['items'] = [];
  const rows: SpecFingerprint['rows'] = [];
  const allItems = sections.flatMap((s) => (s.section ? s.section.items.map((item) => ({ item, heading: s.heading })) : []));
  const itemKeys = occurrenceKeys(allItems.map(({ item }) => item.id));
  allItems.forEach(({ item, heading }, i) => {
    items.push({ key: itemKeys[i], id: item.id, section: heading, hash: hashText(item.text), loose: hashText(looseText(item.text)) });
  });
  // Only the edge-case table has rows with a meaning of their own; other tables are section text.
  for (const s of sections) {
    if (s.section?.key !== 'edgeCases' || !s.section.rows) continue;
    const body = s.section.body;
    const scenarios = s.section.rows.map(rowScenario);
    const keys = occurrenceKeys(scenarios.map((text) => looseText(text).toLowerCase()));
    s.section.rows.forEach((row, i) => rows.push({ key: keys[i], scenario: scenarios[i], hash: hashText(body.slice(row.start, row.end)) }));
  }
  return {
    v: FINGERPRINT_VERSION,
    // Trailing blank lines move with a section when sections are reordered; they are not an edit.
    sections: sections.map((s) => ({ key: s.key, heading: s.heading, hash: hashText(s.text.trimEnd()) })),
    items,
    rows,
  };
}

/** Matches entries by key: those only in `after` are added, only in `before` removed, differing hashes modified. */
function compareByKey<T extends { key: string; hash: string }, R>(
  before: T[],
  after: T[],
  make: (entry: T, change: ChangeKind, old?: T) => R,
): R[] {
  const old = new Map(before.map((e) => [e.key, e]));
  const now = new Set(after.map((e) => e.key));
  const result: R[] = [];
  for (const entry of after) {
    const previous = old.get(entry.key);
    if (!previous) result.push(make(entry, 'added'));
    else if (previous.hash !== entry.hash) result.push(make(entry, 'modified', previous));
  }
  for (const entry of before) if (!now.has(entry.key)) result.push(make(entry, 'removed'));
  return result;
}

/** The change summary between two fingerprints (older first). */
export function compareFingerprints(before: SpecFingerprint, after: SpecFingerprint): ChangeSummary {
  return {
    sections: compareByKey(before.sections, after.sections, (s, change) => ({ key: s.key, heading: s.heading, change })),
    items: compareByKey(before.items, after.items, (item, change, old) => ({
      id: item.id,
      section: item.section,
      change,
      ...(change === 'modified' && old && old.loose === item.loose ? { whitespaceOnly: true } : {}),
    })),
    rows: compareByKey(before.rows, after.rows, (row, change) => ({ scenario: row.scenario, change })),
  };
}

/** True when the summary records no change at all. */
export function isEmptySummary(summary: ChangeSummary): boolean {
  return summary.sections.length === 0 && summary.items.length === 0 && summary.rows.length === 0;
}

type SectionTuple = [key: string, heading: string, hash: string];
type ItemTuple = [key: string, section: number, hash: string, loose?: string];
type RowTuple = [key: string, scenario: string, hash: string];
interface StoredFingerprint {
  v: number;
  s: SectionTuple[];
  i: ItemTuple[];
  r: RowTuple[];
}

/**
 * JSON for storing a fingerprint with each version: tuples instead of objects, the item id
 * implied by its key, the section as an index, and the whitespace-insensitive hash only
 * where it differs. About half the size of plain JSON, which matters for 200 KB specs.
 */
export function serializeFingerprint(fp: SpecFingerprint): string {
  const headings = new Map<string, number>();
  const s: SectionTuple[] = fp.sections.map((x, i) => {
    if (!headings.has(x.heading)) headings.set(x.heading, i);
    return [x.key, x.heading, x.hash];
  });
  const extra: SectionTuple[] = [];
  const sectionIndex = (heading: string): number => {
    let at = headings.get(heading);
    if (at === undefined) {
      at = s.length + extra.length;
      extra.push(['', heading, '']);
      headings.set(heading, at);
    }
    return at;
  };
  const i: ItemTuple[] = fp.items.map((x) => (x.loose === x.hash ? [x.key, sectionIndex(x.section), x.hash] : [x.key, sectionIndex(x.section), x.hash, x.loose]));
  const stored: StoredFingerprint = { v: fp.v, s: [...s, ...extra], i, r: fp.rows.map((x) => [x.key, x.scenario, x.hash]) };
  return JSON.stringify(stored);
}

/** Reads what `serializeFingerprint` wrote. */
export function parseFingerprint(json: string): SpecFingerprint {
  const stored = JSON.parse(json) as StoredFingerprint;
  return {
    v: stored.v,
    sections: stored.s.filter((x) => x[0] !== '').map(([key, heading, hash]) => ({ key, heading, hash })),
    items: stored.i.map(([key, section, hash, loose]) => ({ key, id: key.replace(/#\d+$/, ''), section: stored.s[section][1], hash, loose: loose ?? hash })),
    rows: stored.r.map(([key, scenario, hash]) => ({ key, scenario, hash })),
  };
}
