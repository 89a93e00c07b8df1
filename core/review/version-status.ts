import type { Finding, VersionLabel } from './finding.js';
import { normalizeText } from './normalize.js';

export interface VersionComparison {
  /** Every current finding with its label: `new` or `persisting`. */
  current: Array<{ finding: Finding; label: Exclude<VersionLabel, 'resolved'> }>;
  /** Previous findings that no longer appear. */
  resolved: Finding[];
}

/**
 * Labels the findings of a run on a new spec version against the previous version's run of
 * the same pass (FR-5). A finding persists when its id matches (same section, quote and
 * problem) or, since a model rarely words a problem the same way twice, when it quotes the
 * same passage of the same section.
 */
export function compareVersions(previous: readonly Finding[], current: readonly Finding[]): VersionComparison {
  const quoteKey = (f: Finding) => `${f.section}\u0000${normalizeText(f.quote)}`;
  const unmatched = new Map(previous.map((f) => [f.id, f]));
  const byQuote = new Map<string, Finding[]>();
  for (const f of previous) {
    if (normalizeText(f.quote) === '') continue;
    byQuote.set(quoteKey(f), [...(byQuote.get(quoteKey(f)) ?? []), f]);
  }
  const labelled = current.map((finding) => {
    let match = unmatched.get(finding.id);
    if (!match) match = (byQuote.get(quoteKey(finding)) ?? []).find((f) => unmatched.has(f.id));
    if (match) unmatched.delete(match.id);
    return { finding, label: match ? ('persisting' as const) : ('new' as const) };
  });
  return { current: labelled, resolved: [...unmatched.values()] };
}
