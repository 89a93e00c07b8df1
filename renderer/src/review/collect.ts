import type { PassInfo } from '../../../core/contract/ops/review.js';
import type { FindingAnchor } from '../../../core/review/anchor.js';
import type { Finding, FindingState } from '../../../core/review/finding.js';
import { mergeFindingEntries } from '../../../core/review/merge.js';
import { passOrder } from '../../../core/review/pass-order.js';
import type { PassResult, ReviewRun } from '../state/review-slice.js';
import { stateKey } from '../state/review-slice.js';

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

/** The review part of the store the panel reads findings from. */
export interface ReviewView {
  reviewPasses: PassInfo[] | null;
  reviewRuns: Record<string, ReviewRun>;
  reviewLatest: Record<string, string>;
}

/** The newest result of each pass that has one, in workflow order. */
export function latestResults(passes: PassInfo[] | null, runs: Record<string, ReviewRun>, latest: Record<string, string>): Array<{ run: ReviewRun; pass: PassResult }> {
  const out: Array<{ run: ReviewRun; pass: PassResult }> = [];
  for (const passId of passOrder(passes, Object.keys(latest))) {
    const run = latest[passId] ? runs[latest[passId]] : undefined;
    const pass = run?.passes[passId];
    if (run && pass) out.push({ run, pass });
  }
  return out;
}

/**
 * Every finding the panel shows, in pass order then arrival order. Duplicates are merged by
 * core's `mergeFindingEntries`, the rule the host's run snapshot (and so the CLI) uses: the
 * panel only adds where each finding was found and what the author did with it.
 */
export function collectFindings(passes: PassInfo[] | null, runs: Record<string, ReviewRun>, latest: Record<string, string>): ShownFinding[] {
  const entries = latestResults(passes, runs, latest).flatMap(({ run, pass }) =>
    pass.findings.map((received) => ({
      finding: received.finding,
      meta: { label: received.label, runAnchor: received.anchor, passId: pass.passId, runId: run.runId, specId: run.specId, contentHash: run.contentHash },
    })),
  );
  return mergeFindingEntries(entries).map(({ finding, meta }) => ({ finding, ...meta, alsoFrom: (finding.alsoFrom ?? []).filter((id) => id !== meta.passId) }));
}

/** `collectFindings` of a store state: what the Review panel, its decorations and the AC-5 test read. */
export function shownFindings(s: ReviewView): ShownFinding[] {
  return collectFindings(s.reviewPasses, s.reviewRuns, s.reviewLatest);
}

export function stateOf(states: Record<string, FindingState>, f: ShownFinding): FindingState {
  return states[stateKey(f.contentHash, f.finding.id)] ?? 'open';
}
