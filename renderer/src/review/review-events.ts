import type { PayloadOf, ResultOf } from '../../../core/contract/operations.js';
import { OFFLINE_PASS } from '../../../core/review/finding.js';
import { announce } from '../events/app-events.js';
import type { ReviewSlice } from '../state/review-slice.js';

/** The host's review events, each with what it does to the store and what it announces. */
export type ReviewEventName = 'review.progress' | 'review.finding' | 'review.done' | 'review.runDone';
export type ReviewEventHandlers = { [K in ReviewEventName]: (payload: PayloadOf<K>) => void };
type ReviewSink = Pick<ReviewSlice, 'reviewProgress' | 'reviewFinding' | 'reviewPassDone' | 'reviewRunDone'>;
type AdoptSink = Pick<ReviewSlice, 'reviewPasses' | 'reviewAdopt'>;

/**
 * Host events → the store: the one path by which findings reach what the Review panel renders
 * (and what the AC-5 test feeds from a real run). Events of a run not adopted yet are kept:
 * they may beat the `review.run` answer.
 */
export function reviewEventHandlers(sink: () => ReviewSink): ReviewEventHandlers {
  return {
    'review.progress': (p) => sink().reviewProgress(p),
    'review.finding': (p) => {
      sink().reviewFinding(p);
      announce('specbench:review-finding', { runId: p.runId, passId: p.passId, findingId: p.finding.id });
    },
    'review.done': (p) => {
      sink().reviewPassDone(p);
      announce('specbench:review-pass-done', { runId: p.runId, passId: p.passId, status: p.status });
    },
    'review.runDone': (p) => {
      sink().reviewRunDone(p);
      announce('specbench:review-done', { runId: p.runId });
    },
  };
}

/**
 * The `review.run` answer → the store: the run becomes this window's, so the panel shows its
 * passes (events that came first were buffered and now count).
 */
export function adoptRun(sink: () => AdoptSink, result: ResultOf<'review.run'>, reviewed: { specId: number | null; contentHash: string }): void {
  const titles: Record<string, string> = Object.fromEntries((sink().reviewPasses ?? []).map((p) => [p.id, p.title]));
  titles[OFFLINE_PASS] ??= 'Offline reviewer';
  sink().reviewAdopt(result.runId, { mode: result.mode, passIds: result.passIds, notice: result.notice, ...reviewed, titles });
  announce('specbench:review-started', { runId: result.runId, passIds: result.passIds });
}
