import type { FindingDraft, Finding } from './finding.js';
import { stableHash } from './hash.js';
import { normalizeText } from './normalize.js';

/** "Same quote, same problem": the key duplicates share, however the text was spaced or cased. */
export function duplicateKey(f: Pick<FindingDraft, 'section' | 'quote' | 'problem'>): string {
  return `${f.section}\u0000${normalizeText(f.quote)}\u0000${normalizeText(f.problem)}`;
}

/** The id of a finding: derived from its content so re-runs and other passes give the same id. */
export function findingId(f: Pick<FindingDraft, 'section' | 'quote' | 'problem'>): string {
  return `f-${stableHash(duplicateKey(f))}`;
}

/** A model's (or the offline reviewer's) draft made into a finding of a pass. */
export function toFinding(draft: FindingDraft, pass: string, extra: Partial<Pick<Finding, 'offline' | 'rule'>> = {}): Finding {
  return { id: findingId(draft), pass, ...draft, ...extra };
}
