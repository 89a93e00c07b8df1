import type { ReviewLatencyEvent } from '../../core/flow/metrics.js';
import type { ReviewThreadService } from '../review-threads/service.js';
import type { AgendaProvider } from './providers.js';

type MaybePromise<T> = T | Promise<T>;
type RoundStatus = ReturnType<ReviewThreadService['roundStatus']>;
/** The review threads, synchronous (the local service) or through the async store contract (the team server). */
type Threads = {
  listThreads(specId: number): MaybePromise<ReturnType<ReviewThreadService['listThreads']>>;
  roundStatus(specId: number): MaybePromise<RoundStatus>;
};

const clip = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

/** Open blocking review threads (issue 13) of the reviewed spec: the disagreements the meeting exists for. */
export function blockingThreadsProvider(threads: Threads): AgendaProvider {
  return {
    kind: 'thread',
    async collect(ctx) {
      if (ctx.specId === null) return [];
      return (await threads.listThreads(ctx.specId))
        .filter((t) => t.status === 'open' && t.severity === 'blocking' && !t.pending)
        .map((t) => {
          const first = t.comments.find((c) => c.deletedAt === null);
          const requirementId = t.placement.status === 'attached' ? t.placement.requirementId : t.selector.requirementId;
          return {
            sourceKind: 'thread',
            sourceRef: t.id,
            title: clip(first?.body ?? t.selector.exact),
            detail: `Blocking thread by ${t.createdBy.name} on "${clip(t.selector.exact)}"${t.placement.status === 'outdated' ? ' (outdated)' : ''}`,
            requirementIds: requirementId ? [requirementId] : [],
          };
        });
    },
  };
}

/** Reviewers requesting changes, or whose verdict went stale because what they saw changed. */
export function verdictsProvider(threads: Threads): AgendaProvider {
  return {
    kind: 'verdict',
    async collect(ctx) {
      if (ctx.specId === null) return [];
      return (await threads.roundStatus(ctx.specId)).reviewers
        .filter((r) => r.verdict === 'request-changes' || r.stale)
        .map((r) => ({
          sourceKind: 'verdict',
          sourceRef: `${r.person.id}@${r.versionNumber ?? 'none'}`,
          title: r.verdict === 'request-changes' ? `${r.person.name} requests changes` : `${r.person.name}'s ${r.verdict ?? ''} verdict is stale`.replace('  ', ' '),
          detail: r.stale ? `Changed since their review (v${r.versionNumber ?? '?'}): ${r.changed.join(', ') || 'requirements'}` : `Verdict on v${r.versionNumber ?? '?'}`,
          requirementIds: r.changed.filter((id) => /^[A-Z]+-?\d/.test(id)),
        }));
    },
  };
}

/** One spec's review request → verdict times from its round status (none without a round). */
export function latencyEventsOf(specId: number, status: RoundStatus): ReviewLatencyEvent[] {
  if (!status.round) return [];
  const requestedAt = status.round.requestedAt;
  return status.reviewers
    .filter((r) => r.requested)
    .map((r) => ({ specId, reviewer: r.person.name, requestedAt, verdictAt: r.submittedAt !== null && r.submittedAt >= requestedAt ? r.submittedAt : null }));
}

/** Review request → verdict times for the flow metrics' reviewer latency, from every spec's round. */
export function reviewLatencySource(threads: Pick<ReviewThreadService, 'roundStatus'>, specIds: () => number[]): () => ReviewLatencyEvent[] {
  return () => specIds().flatMap((specId) => latencyEventsOf(specId, threads.roundStatus(specId)));
}

/** A stored run's per-criterion outcome, as `host/validate/store-run.ts` records it. */
const storedResults = (results: unknown): Array<{ id: string; status: string; message: string | null }> =>
  Array.isArray(results) ? results.filter((r): r is { id: string; status: string; message: string | null } => typeof r?.id === 'string' && typeof r?.status === 'string') : [];

/** Criteria that failed or were undefined in the last validation run of the reviewed version (issue 12). */
export function failingCriteriaProvider(runs: {
  listValidationRuns(specId: number, contentHash: string): MaybePromise<Array<{ defect: string | null; results: unknown }>>;
}): AgendaProvider {
  return {
    kind: 'criterion',
    async collect(ctx) {
      if (ctx.specId === null || ctx.contentHash === null) return [];
      // Newest first; a run against a deliberate defect says nothing about the spec's own criteria.
      const last = (await runs.listValidationRuns(ctx.specId, ctx.contentHash)).find((run) => run.defect === null);
      return storedResults(last?.results)
        .filter((r) => r.status !== 'passed')
        .map((r) => ({
          sourceKind: 'criterion',
          sourceRef: `${r.id}:${r.status}`,
          title: `${r.id} ${r.status} in the last validation run`,
          detail: r.message ?? '',
          requirementIds: [r.id],
        }));
    },
  };
}
