import { SEVERITY_RANK, type Finding } from './finding.js';
import { duplicateKey } from './identity.js';

/**
 * Merges findings that quote the same passage for the same problem (FR-5): the first one
 * stays, takes the worse severity, and lists the other passes in `alsoFrom`. Order is kept.
 */
export function mergeDuplicates(findings: readonly Finding[]): Finding[] {
  const byKey = new Map<string, Finding>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = duplicateKey(f);
    const kept = byKey.get(key);
    if (!kept) {
      const copy = { ...f };
      byKey.set(key, copy);
      out.push(copy);
      continue;
    }
    if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[kept.severity]) kept.severity = f.severity;
    if (kept.proposedText === undefined && f.proposedText !== undefined) kept.proposedText = f.proposedText;
    const sources = new Set([...(kept.alsoFrom ?? []), ...(f.alsoFrom ?? []), f.pass]);
    sources.delete(kept.pass);
    if (sources.size > 0) kept.alsoFrom = [...sources];
  }
  return out;
}
