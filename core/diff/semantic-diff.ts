import { parseSpec } from '../markdown/parse.js';
import type { SpecDocument } from '../spec/model.js';
import { describeChanges } from './describe.js';
import { compareFingerprints, fingerprintSpec } from './fingerprint.js';
import { keyedSections, type KeyedSection } from './keys.js';
import { diffLines } from './line-diff.js';
import type { SectionDiff, SpecDiff } from './types.js';

export interface DiffOptions {
  /** Unchanged lines around each change in the line hunks (default 3). */
  context?: number;
}

/** The semantic diff between two spec Markdown texts (older first). Pure: runs in the host, the CLI and the browser. */
export function diffSpecs(before: string, after: string, options: DiffOptions = {}): SpecDiff {
  return diffDocuments(parseSpec(before), parseSpec(after), options);
}

/** As `diffSpecs`, for documents already parsed. */
export function diffDocuments(before: SpecDocument, after: SpecDocument, options: DiffOptions = {}): SpecDiff {
  const summary = compareFingerprints(fingerprintSpec(before), fingerprintSpec(after));
  const changeOf = new Map(summary.sections.map((s) => [s.key, s.change]));
  const oldSections = keyedSections(before);
  const newSections = keyedSections(after);
  const oldByKey = new Map(oldSections.map((s) => [s.key, s]));
  const newKeys = new Set(newSections.map((s) => s.key));
  const oldLine = lineFinder(before.source);
  const newLine = lineFinder(after.source);

  const sectionDiff = (old: KeyedSection | undefined, now: KeyedSection | undefined): SectionDiff => {
    const key = (now ?? old)!.key;
    const beforeLine = old ? oldLine(old.start) : null;
    const afterLine = now ? newLine(now.start) : null;
    const change = changeOf.get(key) ?? 'unchanged';
    return {
      key,
      heading: (now ?? old)!.heading,
      change,
      before: old?.text ?? null,
      after: now?.text ?? null,
      beforeLine,
      afterLine,
      hunks:
        change === 'unchanged'
          ? []
          : diffLines(old?.text ?? '', now?.text ?? '', {
              context: options.context,
              oldFirstLine: beforeLine ?? 1,
              newFirstLine: afterLine ?? 1,
            }),
    };
  };

  // Newer order first; a removed section is placed right after the section that preceded it.
  const sections: SectionDiff[] = [];
  const placed = new Set<string>();
  const placeRemovedAfter = (index: number) => {
    for (let j = index + 1; j < oldSections.length && !newKeys.has(oldSections[j].key); j++) {
      sections.push(sectionDiff(oldSections[j], undefined));
      placed.add(oldSections[j].key);
    }
  };
  placeRemovedAfter(-1);
  for (const now of newSections) {
    const old = oldByKey.get(now.key);
    sections.push(sectionDiff(old, now));
    if (old) placeRemovedAfter(oldSections.indexOf(old));
  }
  for (const old of oldSections) if (!newKeys.has(old.key) && !placed.has(old.key)) sections.push(sectionDiff(old, undefined));

  return { summary, description: describeChanges(summary), sections };
}

function lineFinder(source: string): (offset: number) => number {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
