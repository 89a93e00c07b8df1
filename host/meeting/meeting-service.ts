import type { AdrSummary, Decision, Meeting } from '../../core/contract/ops/decisions.js';
import { agendaMarkdown } from '../../core/meeting/agenda.js';
import { HostError } from '../common/host-error.js';
import type { DecisionStore } from '../store/decisions.js';
import type { SpecStore } from '../store/spec-store.js';
import { agendaContext, closingPeople, collectCandidates, decisionsForAdrs, itemsToDefer, manualAgendaItem, meetingAdrFields, meetingTitle, plannedAgenda, type MeetingSpec } from './meeting-plan.js';
import { manualProvider, type AgendaProvider } from './providers.js';

export interface OpenMeetingArgs {
  specId?: number;
  title?: string;
  scheduledAt?: string;
  durationMinutes?: number;
  manualItems?: Array<{ title: string; detail?: string }>;
}

/**
 * The decision meeting (FR-1, FR-2): an agenda built from every registered provider plus the
 * items the last round deferred, decisions per item, and closing, which turns accepted and
 * rejected decisions into ADRs with that status and defers whatever is still open.
 */
/** What deciding a thread's agenda item may do to the thread (issue 13's service). */
export interface DecidedThreads {
  resolve(threadId: string): unknown;
  acceptSuggestion(threadId: string, markdown: string): { markdown: string };
}

export class MeetingService {
  private readonly providers: AgendaProvider[];
  private readonly notes = new Map<number, string[]>();

  constructor(
    private readonly deps: { specs: SpecStore; decisions: DecisionStore; providers?: AgendaProvider[]; today?: () => string; threads?: DecidedThreads },
  ) {
    this.providers = [...(deps.providers ?? [])];
  }

  /** Adds a source of agenda items (review threads and verdicts plug in here). */
  registerProvider(provider: AgendaProvider): void {
    this.providers.push(provider);
  }

  private today(): string {
    return this.deps.today?.() ?? new Date().toISOString().slice(0, 10);
  }

  private spec(specId: number | null): MeetingSpec | null {
    if (specId === null) return null;
    const opened = this.deps.specs.getSpec(specId);
    return { specId, specVersion: opened.head.number, contentHash: opened.head.contentHash, title: opened.spec.title, markdown: opened.head.markdown };
  }

  async open(args: OpenMeetingArgs): Promise<Meeting> {
    const ctx = agendaContext(this.spec(args.specId ?? null));
    const { candidates, notes } = await collectCandidates([...this.providers, manualProvider(args.manualItems ?? [])], ctx);
    const { decisions } = this.deps;
    const id = decisions.transaction(() => {
      const meetingId = decisions.createMeeting({
        specId: ctx.specId,
        specVersion: ctx.specVersion,
        title: meetingTitle(args.title, ctx.title),
        scheduledAt: args.scheduledAt ?? null,
        durationMinutes: args.durationMinutes ?? 30,
      });
      decisions.addItems(meetingId, plannedAgenda(candidates, decisions.previousMeeting(ctx.specId, meetingId), args.durationMinutes ?? 30));
      return meetingId;
    });
    this.notes.set(id, notes);
    return this.get(id);
  }

  get(id: number): Meeting {
    return this.deps.decisions.meeting(id, this.notes.get(id) ?? []);
  }

  list() {
    return this.deps.decisions.listMeetings();
  }

  private requireOpen(meetingId: number): void {
    if (this.deps.decisions.meetingState(meetingId) === 'closed') throw new HostError('MEETING_CLOSED', `meeting ${meetingId} is closed; open the next round to change its decisions`);
  }

  addItem(meetingId: number, item: { title: string; detail?: string; minutes?: number }): Meeting {
    this.requireOpen(meetingId);
    this.deps.decisions.transaction(() => this.deps.decisions.addItems(meetingId, [manualAgendaItem(item)]));
    return this.get(meetingId);
  }

  decide(args: {
    itemId: number;
    outcome: Decision['outcome'];
    rationale: string;
    alternatives?: Decision['alternatives'];
    people?: string[];
    resolveThread?: boolean;
    applySuggestion?: boolean;
  }): Meeting {
    const item = this.deps.decisions.item(args.itemId);
    this.requireOpen(item.meetingId);
    const meeting = this.get(item.meetingId);
    // A thread's suggestion is applied first: if its text changed since, nothing is recorded.
    if (item.sourceKind === 'thread') this.settleThread(item.sourceRef, meeting.specId, args);
    this.deps.decisions.transaction(() =>
      this.deps.decisions.recordDecision({ itemId: args.itemId, outcome: args.outcome, rationale: args.rationale, alternatives: args.alternatives ?? [], people: args.people ?? [] }),
    );
    return this.get(item.meetingId);
  }

  /** FR-2: deciding a thread's item can resolve the thread and, when accepted, apply its suggestion as a new version. */
  private settleThread(threadId: string, specId: number | null, args: { outcome: Decision['outcome']; resolveThread?: boolean; applySuggestion?: boolean }): void {
    const threads = this.deps.threads;
    if (!threads || (!args.resolveThread && !args.applySuggestion)) return;
    if (args.applySuggestion) {
      if (args.outcome !== 'accepted') throw new HostError('INVALID_ARGUMENT', 'only an accepted decision can apply a suggestion');
      if (specId === null) throw new HostError('INVALID_ARGUMENT', 'this meeting has no spec to apply the suggestion to');
      const head = this.deps.specs.getSpec(specId).head;
      const accepted = threads.acceptSuggestion(threadId, head.markdown);
      this.deps.specs.saveVersion({ specId, markdown: accepted.markdown, message: 'Suggestion applied by a meeting decision', baseVersionId: head.id });
      return; // accepting a suggestion resolves its thread
    }
    if (args.outcome !== 'deferred') threads.resolve(threadId);
  }

  /**
   * Closes the meeting in one transaction: each accepted or rejected decision becomes an ADR in
   * the log (numbered after its highest, written in the log's format) with that status; open
   * items become deferred, so the next round's agenda lists them.
   */
  close(id: number, options: { people?: string[]; logName?: string } = {}): { meeting: Meeting; adrs: AdrSummary[] } {
    this.requireOpen(id);
    const { decisions } = this.deps;
    const meeting = this.get(id);
    const spec = this.spec(meeting.specId);
    const people = closingPeople(meeting, options.people);
    decisions.transaction(() => {
      const log = decisions.ensureLog(options.logName ?? 'main');
      for (const item of itemsToDefer(meeting)) decisions.setItemState(item.id, 'deferred');
      for (const { decision, item } of decisionsForAdrs(meeting)) {
        const number = decisions.nextNumber(log.id);
        const fields = meetingAdrFields({ number, format: log.format, meeting, people, item, decision, spec, date: this.today() });
        const adr = decisions.insertAdr({ logId: log.id, number, ...fields, specId: meeting.specId, specVersion: meeting.specVersion, requirementIds: item.requirementIds, meetingId: id });
        decisions.linkDecisionAdr(decision.id, adr.id);
      }
      decisions.markClosed(id, people);
    });
    return { meeting: this.get(id), adrs: decisions.adrsOfMeeting(id) };
  }

  agendaMarkdown(id: number): string {
    return agendaMarkdown(this.get(id));
  }
}
