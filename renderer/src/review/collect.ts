import type { PassInfo } from '../../../core/contract/ops/review.js';
import type { FindingAnchor } from '../../../core/review/anchor.js';
import type { Finding, FindingState } from '../../../core/review/finding.js';
import type { PassResult, ReviewRun } from '../state/review-slice.js';
import { stateKey } from '../state/review-slice.js';

export const OFFLINE_PASS_ID = 'offline';

/** A finding as the panel lists it: the newest run of its pass, duplicates of other passes folded in. */
export interface ShownFinding {
  finding: Finding;
  label: 'new' | 'persisting';
  /** Where the run found the quote (in the text it reviewed). */
  runAnchor: FindingAnchor;
  passId: string;
  runId: string;
  specId: number | null;
  contentHash: string | null;
  /** Other passes that reported the same quote and problem. */
  alsoFrom: string[];
}

/** Pass ids in workflow order: the offline reviewer first, then by step, then any others. */
export function passOrder(passes: PassInfo[] | null, latest: Record<string, string>): string[] {
  const known = [...(passes ?? [])].sort((a, b) => a.step - b.step).map((p) => p.id);
  const others = Object.keys(latest).filter((id) => !known.includes(id));
  return [...others.filter((id) => id === OFFLINE_PASS_ID), ...known, ...others.filter((id) => id !== OFFLINE_PASS_ID)];
}

/** The newest result of each pass that has one. */
export function latestResults(passes: PassInfo[] | null, runs: Record<string, ReviewRun>, latest: Record<string, string>): Array<{ run: ReviewRun; pass: PassResult }> {
  const out: Array<{ run: ReviewRun; pass: PassResult }> = [];
  for (const passId of passOrder(passes, latest)) {
    const run = latest[passId] ? runs[latest[passId]] : undefined;
    const pass = run?.passes[passId];
    if (run && pass) out.push({ run, pass });
  }
  return out;
}

/** Every finding the panel shows, in pass order then arrival order, merged by id (same section, quote and problem). */
export function collectFindings(passes: PassInfo[] | null, runs: Record<string, ReviewRun>, latest: Record<string, string>): ShownFinding[] {
  const byId = new Map<string, ShownFinding>();
  const out: ShownFinding[] = [];
  for (const { run, pass } of latestResults(passes, runs, latest)) {
    for (const received of pass.findings) {
      const kept = byId.get(received.finding.id);
      if (kept) {
        if (kept.passId !== pass.passId && !kept.alsoFrom.includes(pass.passId)) kept.alsoFrom.push(pass.passId);
        continue;
      }
      const shown: ShownFinding = {
        finding: received.finding,
        label: received.label,
        runAnchor: received.anchor,
        passId: pass.passId,
        runId: run.runId,
        specId: run.specId,
        contentHash: run.contentHash,
        alsoFrom: [...(received.finding.alsoFrom ?? [])],
      };
      byId.set(received.finding.id, shown);
      out.push(shown);
    }
  }
  return out;
}

export function stateOf(states: Record<string, FindingState>, f: ShownFinding): FindingState {
  return states[stateKey(f.contentHash, f.finding.id)] ?? 'open';
}

/** Where a finding stands against the current text, and whether Apply can act on it. */
export type Placement =
  | { kind: 'located'; anchor: Extract<FindingAnchor, { status: 'anchored' }> }
  | { kind: 'insert' }
  | { kind: 'no-section' }
  | { kind: 'outdated' }
  | { kind: 'not-found' };

export function placementOf(f: ShownFinding, current: FindingAnchor | undefined): Placement {
  const anchor = current ?? f.runAnchor;
  if (anchor.status === 'anchored') return { kind: 'located', anchor };
  if (anchor.reason === 'empty-quote') return { kind: 'insert' };
  if (anchor.reason === 'no-section') return f.finding.quote.trim() === '' ? { kind: 'insert' } : { kind: 'no-section' };
  // The run placed it, the current text no longer has it: the text moved on.
  return f.runAnchor.status === 'anchored' ? { kind: 'outdated' } : { kind: 'not-found' };
}

/** Why Apply is unavailable, or null when it can run. */
export function applyBlocker(f: ShownFinding, placement: Placement, view: 'sections' | 'document'): string | null {
  if (f.finding.proposedText === undefined) return 'This finding has no proposed text to apply.';
  if (placement.kind === 'outdated') return 'The quoted text is no longer in the section: the finding is outdated.';
  if (placement.kind === 'not-found') return 'The quote was not found in the text.';
  if (placement.kind === 'no-section') return `The spec has no section "${f.finding.section}".`;
  if (view === 'document') return 'Switch to the Sections view to apply fixes.';
  return null;
}
