import { agendaMarkdown } from '../../../core/meeting/agenda.js';
import type { Meeting } from '../../../core/contract/ops/decisions.js';
import type { ParsedArgsOf, ResultOf } from '../../../core/contract/operations.js';
import { computeFlowMetrics, metricsSpecsOf, type FlowMetrics, type ReviewLatencyEvent } from '../../../core/flow/metrics.js';
import { metricsCsv } from '../../../core/flow/metrics-format.js';
import { recommendSpec, withSpecRequiredBadges, type SpecRequiredBadge } from '../../../core/flow/spec-required.js';
import { saveAdrTextAsync } from '../../adr/edit-adr.js';
import { HostError } from '../../common/host-error.js';
import {
  agendaContext,
  closingPeople,
  collectCandidates,
  decisionsForAdrs,
  itemsToDefer,
  manualAgendaItem,
  meetingAdrFields,
  meetingTitle,
  plannedAgenda,
  type MeetingSpec,
} from '../../meeting/meeting-plan.js';
import { manualProvider, type AgendaProvider } from '../../meeting/providers.js';
import { blockingThreadsProvider, failingCriteriaProvider, latencyEventsOf, verdictsProvider } from '../../meeting/review-providers.js';
import type { Actor, StoreContract } from '../../store/contract/store-contract.js';
import type { RequestActor } from '../team-types.js';

/** The contract operations of decisions, ADRs, meetings, lifecycle, flow metrics and "spec required?" this module answers. */
export const TEAM_DECISION_OPERATIONS = [
  'adr.list',
  'adr.get',
  'adr.save',
  'adr.delete',
  'adr.undoDelete',
  'meeting.open',
  'meeting.get',
  'meeting.list',
  'meeting.addItem',
  'meeting.decide',
  'meeting.close',
  'meeting.agendaMarkdown',
  'metrics.flow',
  'metrics.csv',
  'lifecycle.set',
  'specRequired.save',
  'specRequired.get',
] as const;
export type TeamDecisionOperation = (typeof TEAM_DECISION_OPERATIONS)[number];

/**
 * One function per operation: arguments as the contract's schema parsed them, the signed-in
 * caller (when the team API has one), the contract's result.
 */
export type TeamDecisionOps = {
  [K in TeamDecisionOperation]: (args: ParsedArgsOf<K>, caller?: RequestActor) => Promise<ResultOf<K>>;
};

export interface TeamDecisionOpsOptions {
  /** The clock of the flow metrics ("so far" durations); the current time without. */
  now?: () => Date;
  /** The date written into ADRs made when a meeting closes (YYYY-MM-DD); today (UTC) without. */
  today?: () => string;
  /**
   * Agenda sources besides the review threads, verdicts and failing criteria the store gives
   * (say, AI findings when the server keeps them).
   */
  extraProviders?: AgendaProvider[];
}

/** The review repository acting as the caller (the account's id is its person id). */
const actorOf = (caller?: RequestActor): Actor | undefined => (caller ? { id: caller.account.id, name: caller.account.name, email: caller.account.email } : undefined);

/**
 * Who a change is recorded as: the signed-in account when there is one (a client cannot record
 * a change in someone else's name), else the name the arguments give (local callers, tests).
 */
const nameOf = (caller: RequestActor | undefined, named: string | undefined): string | undefined => caller?.account.name ?? named;

/**
 * The decision operations of the team server over the asynchronous store contract (PostgreSQL
 * there; SQLite answers the same, which the tests use to prove both behave alike). They follow
 * the rules the local services follow — the same pure functions (`core/flow`, `meeting-plan`,
 * `edit-adr`) — with the store's own atomicity: ADR numbers are taken under the log's lock
 * (`insertNextAdr`), decisions and agenda positions under their rows' locks.
 *
 * Register each entry under its operation name; arguments must already be parsed by the
 * contract's schema.
 */
export function teamDecisionOps(store: StoreContract, options: TeamDecisionOpsOptions = {}): TeamDecisionOps {
  const d = store.decisions;
  // Provider notes of meetings this process opened (why a source contributed nothing). They
  // describe the opening request only, so they are not stored.
  const notes = new Map<number, string[]>();

  const today = () => options.today?.() ?? new Date().toISOString().slice(0, 10);

  async function meetingSpec(specId: number | null): Promise<MeetingSpec | null> {
    if (specId === null) return null;
    const opened = await store.specs.getSpec(specId);
    return { specId, specVersion: opened.head.number, contentHash: opened.head.contentHash, title: opened.spec.title, markdown: opened.head.markdown };
  }

  const getMeeting = (id: number): Promise<Meeting> => d.meeting(id, notes.get(id) ?? []);

  async function requireOpen(meetingId: number): Promise<void> {
    if ((await d.meetingState(meetingId)) === 'closed') throw new HostError('MEETING_CLOSED', `meeting ${meetingId} is closed; open the next round to change its decisions`);
  }

  async function reviewLatency(): Promise<ReviewLatencyEvent[]> {
    const reviews = store.reviews();
    const events: ReviewLatencyEvent[] = [];
    for (const spec of await store.specs.listSpecs({})) events.push(...latencyEventsOf(spec.id, await reviews.roundStatus(spec.id)));
    return events;
  }

  async function metrics(since: string | undefined): Promise<FlowMetrics> {
    const listed = [...(await store.specs.listSpecs({ state: 'active' })), ...(await store.specs.listSpecs({ state: 'archived' }))];
    const specs = metricsSpecsOf(await d.allTransitions(), new Map(listed.map((s) => [s.id, s.title])));
    return computeFlowMetrics({
      specs,
      reviews: await reviewLatency(),
      now: (options.now?.() ?? new Date()).toISOString(),
      since: since ? new Date(since).toISOString() : null,
    });
  }

  /** FR-2: deciding a thread's item can resolve the thread and, when accepted, apply its suggestion as a new version. */
  async function settleThread(
    threadId: string,
    specId: number | null,
    args: { outcome: string; resolveThread?: boolean; applySuggestion?: boolean },
    caller: RequestActor | undefined,
  ): Promise<void> {
    if (!args.resolveThread && !args.applySuggestion) return;
    const threads = store.reviews(actorOf(caller));
    if (args.applySuggestion) {
      if (args.outcome !== 'accepted') throw new HostError('INVALID_ARGUMENT', 'only an accepted decision can apply a suggestion');
      if (specId === null) throw new HostError('INVALID_ARGUMENT', 'this meeting has no spec to apply the suggestion to');
      const head = (await store.specs.getSpec(specId)).head;
      const accepted = await threads.acceptSuggestion(threadId, head.markdown);
      await store.specs.saveVersion({ specId, markdown: accepted.markdown, author: caller?.account.name, message: 'Suggestion applied by a meeting decision', baseVersionId: head.id });
      return; // accepting a suggestion resolves its thread
    }
    if (args.outcome !== 'deferred') await threads.resolve(threadId);
  }

  /**
   * Accepted and rejected decisions become ADRs (each numbered under the log's lock), open items
   * are deferred, then the meeting is marked closed. Closing again after an interruption picks
   * up where it stopped: decisions that already have their ADR are skipped.
   */
  async function closeMeeting({ id, people: named, logName }: ParsedArgsOf<'meeting.close'>): Promise<ResultOf<'meeting.close'>> {
    await requireOpen(id);
    const meeting = await getMeeting(id);
    const spec = await meetingSpec(meeting.specId);
    const people = closingPeople(meeting, named);
    const log = await d.ensureLog(logName ?? 'main');
    for (const item of itemsToDefer(meeting)) await d.setItemState(item.id, 'deferred');
    const date = today();
    for (const { decision, item } of decisionsForAdrs(meeting)) {
      // Made and linked as the decision's ADR in one transaction: a close racing on another server makes none twice.
      await d.insertNextAdr(
        { logId: log.id, decisionId: decision.id, specId: meeting.specId, specVersion: meeting.specVersion, requirementIds: item.requirementIds, meetingId: id },
        (number) => meetingAdrFields({ number, format: log.format, meeting, people, item, decision, spec, date }),
      );
    }
    await d.markClosed(id, people);
    return { meeting: await getMeeting(id), adrs: await d.adrsOfMeeting(id) };
  }

  /**
   * Closes of one meeting run one after another in this process, so a double submit finds the
   * meeting closed (and is refused) instead of closing it twice; across servers the decision's
   * row lock in `insertNextAdr` keeps each decision to one ADR.
   */
  const closing = new Map<number, Promise<unknown>>();
  async function oneCloseAtATime<T>(id: number, run: () => Promise<T>): Promise<T> {
    const next = (closing.get(id) ?? Promise.resolve()).catch(() => {}).then(run);
    closing.set(id, next);
    try {
      return await next;
    } finally {
      if (closing.get(id) === next) closing.delete(id);
    }
  }

  return {
    'adr.list': (args) => d.listAdrs(args),
    'adr.get': ({ id }) => d.getAdr(id),
    'adr.save': ({ id, text, actor }, caller) => saveAdrTextAsync(d, id, text, nameOf(caller, actor)),
    'adr.delete': ({ id }) => d.setAdrDeleted(id, true),
    'adr.undoDelete': ({ id }) => d.setAdrDeleted(id, false),

    async 'meeting.open'(args, caller) {
      const spec = await meetingSpec(args.specId ?? null);
      const ctx = agendaContext(spec);
      const reviews = store.reviews(actorOf(caller));
      const providers = [
        blockingThreadsProvider(reviews),
        verdictsProvider(reviews),
        failingCriteriaProvider(store.specs),
        ...(options.extraProviders ?? []),
        manualProvider(args.manualItems ?? []),
      ];
      const { candidates, notes: providerNotes } = await collectCandidates(providers, ctx);
      const durationMinutes = args.durationMinutes ?? 30;
      const id = await d.createMeeting({ specId: ctx.specId, specVersion: ctx.specVersion, title: meetingTitle(args.title, ctx.title), scheduledAt: args.scheduledAt ?? null, durationMinutes });
      await d.addItems(id, plannedAgenda(candidates, await d.previousMeeting(ctx.specId, id), durationMinutes));
      notes.set(id, providerNotes);
      return getMeeting(id);
    },
    'meeting.get': ({ id }) => getMeeting(id),
    'meeting.list': () => d.listMeetings(),
    async 'meeting.addItem'({ meetingId, ...item }) {
      await requireOpen(meetingId);
      await d.addItems(meetingId, [manualAgendaItem(item)]);
      return getMeeting(meetingId);
    },
    async 'meeting.decide'(args, caller) {
      const item = await d.item(args.itemId);
      await requireOpen(item.meetingId);
      const meeting = await getMeeting(item.meetingId);
      // A thread's suggestion is applied first: if its text changed since, nothing is recorded.
      if (item.sourceKind === 'thread') await settleThread(item.sourceRef, meeting.specId, args, caller);
      await d.recordDecision({ itemId: args.itemId, outcome: args.outcome, rationale: args.rationale, alternatives: args.alternatives ?? [], people: args.people ?? [] });
      return getMeeting(item.meetingId);
    },
    'meeting.close': (args) => oneCloseAtATime(args.id, () => closeMeeting(args)),
    'meeting.agendaMarkdown': async ({ id }) => ({ markdown: agendaMarkdown(await getMeeting(id)) }),

    'metrics.flow': ({ since }) => metrics(since),
    async 'metrics.csv'({ since }) {
      const m = await metrics(since);
      return { csv: metricsCsv(m), fileName: `spec-flow-${m.generatedAt.slice(0, 10)}.csv` };
    },
    async 'lifecycle.set'({ specId, state, at, actor }, caller) {
      await d.addTransition({ specId, state, at: at ? new Date(at).toISOString() : undefined, actor: nameOf(caller, actor), source: 'manual' });
      return d.transitions(specId);
    },
    'specRequired.save': ({ specId, answers, actor }, caller) => d.saveSpecRequired(specId ?? null, answers, recommendSpec(answers), nameOf(caller, actor)),
    'specRequired.get': ({ specId }) => d.latestSpecRequired(specId),
  };
}

/**
 * The Library's "spec required?" badges for the team server's `specs.list`: each listed spec's
 * latest recommendation (or null), in one query, as the local host adds them.
 */
export async function withSpecRequired<T extends { id: number }>(store: StoreContract, rows: T[]): Promise<(T & { specRequired: SpecRequiredBadge })[]> {
  return withSpecRequiredBadges(rows, await store.decisions.latestSpecRequiredPerSpec());
}
