import type { FindingAnchor } from './anchor.js';
import type { Finding } from './finding.js';

/** Where a finding stands against the current text, and whether Apply can act on it. */
export type Placement =
  | { kind: 'located'; anchor: Extract<FindingAnchor, { status: 'anchored' }> }
  | { kind: 'insert' }
  | { kind: 'no-section' }
  | { kind: 'outdated' }
  | { kind: 'not-found' };

/**
 * Places a finding: against the current text when it has been re-anchored there, else where
 * the run found it. A quote the run found but the current text lacks means the text moved on.
 */
export function placementOf(finding: Pick<Finding, 'quote'>, runAnchor: FindingAnchor, current: FindingAnchor | undefined): Placement {
  const anchor = current ?? runAnchor;
  if (anchor.status === 'anchored') return { kind: 'located', anchor };
  if (anchor.reason === 'empty-quote') return { kind: 'insert' };
  if (anchor.reason === 'no-section') return finding.quote.trim() === '' ? { kind: 'insert' } : { kind: 'no-section' };
  return runAnchor.status === 'anchored' ? { kind: 'outdated' } : { kind: 'not-found' };
}

/** Why Apply is unavailable for a finding so placed, or null when it can run. */
export function applyBlocker(finding: Pick<Finding, 'proposedText' | 'section'>, placement: Placement, view: 'sections' | 'document'): string | null {
  if (finding.proposedText === undefined) return 'This finding has no proposed text to apply.';
  if (placement.kind === 'outdated') return 'The quoted text is no longer in the section: the finding is outdated.';
  if (placement.kind === 'not-found') return 'The quote was not found in the text.';
  if (placement.kind === 'no-section') return `The spec has no section "${finding.section}".`;
  if (view === 'document') return 'Switch to the Sections view to apply fixes.';
  return null;
}
