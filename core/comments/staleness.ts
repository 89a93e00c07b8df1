import { compareFingerprints, fingerprintSpec } from '../diff/fingerprint.js';
import { parseSpec } from '../markdown/parse.js';
import type { SpecDocument } from '../spec/model.js';

export interface Staleness {
  stale: boolean;
  /** Requirement ids and `row:<scenario>` keys the reviewer saw that changed or went away since, in document order. */
  changed: string[];
}

/**
 * Whether a verdict given on `reviewed` still holds for `current`, by the semantic diff: stale
 * when a requirement, criterion or edge-case row the reviewer saw was modified or removed.
 * Additions (nothing the reviewer saw), whitespace-only edits and prose outside requirements
 * (Context, Problem Statement) leave it current.
 */
export function verdictStaleness(reviewed: string | SpecDocument, current: string | SpecDocument): Staleness {
  const before = typeof reviewed === 'string' ? parseSpec(reviewed) : reviewed;
  const after = typeof current === 'string' ? parseSpec(current) : current;
  if (before.source === after.source) return { stale: false, changed: [] };
  const summary = compareFingerprints(fingerprintSpec(before), fingerprintSpec(after));
  const changed = [
    ...summary.items.filter((i) => i.change !== 'added' && !i.whitespaceOnly).map((i) => i.id),
    ...summary.rows.filter((r) => r.change !== 'added').map((r) => `row:${r.scenario}`),
  ];
  return { stale: changed.length > 0, changed: [...new Set(changed)] };
}
