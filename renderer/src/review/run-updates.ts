import type { PassSnapshot } from '../../../core/contract/ops/review.js';
import { addUsage, type CostEstimate, type PassUsage } from '../../../core/review/cost.js';
import type { PassResult, ReceivedFinding, ReviewRun, SpecTotals } from '../state/review-slice.js';

/*
 * Immutable updates of the review slice's runs, kept apart from the slice so it stays a list
 * of actions. Events may come before the `review.run` answer, so unknown runs and passes are
 * created on first sight.
 */

const MAX_BUFFERED_RUNS = 30;

function emptyRun(runId: string): ReviewRun {
  return {
    runId,
    adopted: false,
    mode: null,
    notice: null,
    status: 'running',
    passIds: [],
    passes: {},
    specId: null,
    contentHash: null,
    startedAt: performance.now(),
    total: null,
    cancelRequested: false,
  };
}

function emptyPass(passId: string, title = passId): PassResult {
  return { passId, title, kind: null, status: 'queued', findings: [], progress: null, done: null };
}

/** Runs with one run replaced; unknown run ids are created (events may come before the `review.run` answer). */
export function withRun(runs: Record<string, ReviewRun>, runId: string, change: (run: ReviewRun) => ReviewRun): Record<string, ReviewRun> {
  const next = { ...runs, [runId]: change(runs[runId] ?? emptyRun(runId)) };
  const ids = Object.keys(next);
  if (ids.length > MAX_BUFFERED_RUNS) {
    // Drop the oldest run nobody looks at: buffered ones first.
    const drop = ids.find((id) => id !== runId && !next[id].adopted) ?? ids.find((id) => id !== runId && next[id].status === 'done');
    if (drop) delete next[drop];
  }
  return next;
}

export function withPass(run: ReviewRun, passId: string, change: (pass: PassResult) => PassResult): ReviewRun {
  const pass = change(run.passes[passId] ?? emptyPass(passId));
  return {
    ...run,
    passIds: run.passIds.includes(passId) ? run.passIds : [...run.passIds, passId],
    passes: { ...run.passes, [passId]: pass },
  };
}

/** Findings of a snapshot and those received, by id: a lost event is made good by the snapshot. */
function reconcile(received: ReceivedFinding[], snapshot: PassSnapshot['findings']): ReceivedFinding[] {
  if (snapshot.length <= received.length) return received;
  const have = new Set(received.map((f) => f.finding.id));
  return [...received, ...snapshot.filter((f) => !have.has(f.finding.id))];
}

/** The totals with one more ended run counted. */
export function countRun(t: SpecTotals, total: { usage: PassUsage; cost: CostEstimate }, mode: 'online' | 'offline' | null): SpecTotals {
  return { runs: t.runs + 1, usage: addUsage(t.usage, total.usage), usd: t.usd + (total.cost.usd ?? 0), unpriced: t.unpriced || (total.cost.usd === null && mode === 'online') };
}

export function applyDone(pass: PassResult, snapshot: PassSnapshot): PassResult {
  return {
    ...pass,
    title: snapshot.title,
    kind: snapshot.kind,
    status: snapshot.status,
    findings: reconcile(pass.findings, snapshot.findings),
    done: snapshot,
  };
}
