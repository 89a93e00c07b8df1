import { SEVERITY_RANK, type Finding } from './finding.js';
import { duplicateKey } from './identity.js';

/** A finding with whatever its caller keeps beside it (where a run found it, which run it came from). */
export interface MergeEntry<T> {
  finding: Finding;
  meta: T;
}

/**
 * The one merge rule for findings (FR-5), used by the host's run snapshot (so the CLI) and by
 * the Review panel alike, so both show the same list with the same severities. Findings that
 * quote the same passage for the same problem (`duplicateKey`) become one: the first stays with
 * its meta, takes the worse severity and the first proposed text, and lists the other passes in
 * `alsoFrom`. Order is kept; the input is never mutated.
 */
export function mergeFindingEntries<T>(entries: readonly MergeEntry<T>[]): MergeEntry<T>[] {
  const byKey = new Map<string, MergeEntry<T>>();
  const out: MergeEntry<T>[] = [];
  for (const { finding: f, meta } of entries) {
    const key = duplicateKey(f);
    const kept = byKey.get(key);
    if (!kept) {
      const copy = { finding: { ...f }, meta };
      byKey.set(key, copy);
      out.push(copy);
      continue;
    }
    const k = kept.finding;
    if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[k.severity]) k.severity = f.severity;
    if (k.proposedText === undefined && f.proposedText !== undefined) k.proposedText = f.proposedText;
    const sources = new Set([...(k.alsoFrom ?? []), ...(f.alsoFrom ?? []), f.pass]);
    sources.delete(k.pass);
    if (sources.size > 0) k.alsoFrom = [...sources];
  }
  return out;
}

/** `mergeFindingEntries` for bare findings: what a run's `merged` list holds. */
export function mergeDuplicates(findings: readonly Finding[]): Finding[] {
  return mergeFindingEntries(findings.map((finding) => ({ finding, meta: null }))).map((e) => e.finding);
}
