import type { PayloadOf } from '../../../core/contract/operations.js';
import { announce } from '../events/app-events.js';
import type { ReviewSlice } from '../state/review-slice.js';

/** The host's review events, each with what it does to the store and what it announces. */
export type ReviewEventName = 'review.progress' | 'review.finding' | 'review.done' | 'review.runDone';
export type ReviewEventHandlers = { [K in ReviewEventName]: (payload: PayloadOf<K>) => void };
type ReviewSink = Pick<ReviewSlice, 'reviewProgress' | 'reviewFinding' | 'reviewPassDone' | 'reviewRunDone'>;

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
