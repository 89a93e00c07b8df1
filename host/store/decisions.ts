import type { AdrDetail, AdrSummary, AgendaItem, Decision, Meeting } from '../../core/contract/ops/decisions.js';
import type { SpecStage, SpecTransition, TransitionSource } from '../../core/flow/lifecycle.js';
import type { SpecRequiredAnswers, SpecRequiredResult } from '../../core/flow/spec-required.js';
import type { AdrFormat } from '../../core/adr/model.js';
import { createDecisionQueries, type AdrRow, type DecisionQueries, type MeetingRow } from '../db/queries/decisions.js';
import { newAdrRow, newMeetingRow, currentDecisions, toAdrSummary, toItem, toLog, toMeetingHead, toRevision, toStatusChange, toStoredSpecRequired, toTransition, toDecision, parseJson, type MeetingHead } from './decision-mapping.js';
import { toDbError } from '../db/errors.js';
import { DEFAULT_BUSY_TIMEOUT_MS } from '../db/connection.js';
import { HostError } from '../common/host-error.js';
import type { SpecStore } from './spec-store.js';
import { defaultAuthor, nowIso } from './session.js';

export type AdrLog = { id: number; name: string; dir: string | null; format: AdrFormat };

export interface NewAdr extends AdrFields {
  logId: number;
  specId?: number | null;
  specVersion?: number | null;
  requirementIds?: string[];
  meetingId?: number | null;
  actor?: string;
}

/** A record numbered by the store (`insertNextAdr`), optionally as one decision's ADR. */
export type NextAdr = Omit<NewAdr, keyof AdrFields> & { decisionId?: number };

export interface AdrFields {
  number: number | null;
  fileName: string;
  title: string;
  status: string;
  date: string | null;
  text: string;
}

export interface NewAgendaItem {
  sourceKind: string;
  sourceRef: string;
  title: string;
  detail: string;
  requirementIds: string[];
  minutes: number;
  carriedFrom: number | null;
}

export interface StoredSpecRequired extends SpecRequiredResult {
  specId: number | null;
  answers: SpecRequiredAnswers;
  actor: string;
  at: string;
}

/**
 * Decisions, ADRs, meetings, the spec lifecycle and "spec required?" answers (migration 006),
 * on the spec store's connection. Nothing is deleted by an edit: ADR texts keep revisions,
 * re-recorded decisions keep the replaced one, deletions are explicit and undoable.
 */
export class DecisionStore {
  private queries: DecisionQueries | null = null;
  private queriesFor: unknown = null;

  constructor(private readonly specs: SpecStore) {}

  private q(): DecisionQueries {
    const db = this.specs.connection;
    // A reopened connection (after a backup restore) needs its own statements.
    if (this.queriesFor !== db) {
      this.queries = createDecisionQueries(db);
      this.queriesFor = db;
    }
    return this.queries!;
  }

  /** Runs `fn` in one IMMEDIATE transaction; failures come back as DbErrors. */
  transaction<T>(fn: () => T): T {
    try {
      return this.specs.connection.transaction(fn).immediate();
    } catch (error) {
      if (error instanceof HostError) throw error;
      throw toDbError(error, this.specs.file, DEFAULT_BUSY_TIMEOUT_MS);
    }
  }

  // ADR logs

  log(name: string): AdrLog | null {
    const row = this.q().logByName().get(name);
    return row ? toLog(row) : null;
  }
  ensureLog(name: string, format: AdrFormat = 'madr', dir: string | null = null): AdrLog {
    const existing = this.q().logByName().get(name);
    if (existing) return toLog(existing);
    this.q().insertLog().run(name, dir, format, nowIso());
    return toLog(this.q().logByName().get(name)!);
  }
  setLogDir(logId: number, dir: string): void {
    this.q().setLogDir().run(dir, logId);
  }
  logs(): AdrLog[] {
    return this.q().listLogs().all().map(toLog);
  }

  // ADRs

  private summary(row: AdrRow, logName?: string): AdrSummary {
    return toAdrSummary(row, logName ?? this.q().logById().get(row.log_id)?.name ?? '');
  }

  private row(id: number): AdrRow {
    const row = this.q().adrById().get(id);
    if (!row) throw new HostError('NOT_FOUND', `there is no ADR ${id}`);
    return row;
  }

  /** Records of one log (or all logs), by number; deleted ones only with `includeDeleted`. */
  listAdrs(options: { logName?: string; includeDeleted?: boolean } = {}): AdrSummary[] {
    const logs = options.logName ? [this.log(options.logName)].filter((l): l is AdrLog => l !== null) : this.logs();
    return logs.flatMap((log) => (options.includeDeleted ? this.q().adrsOfLogAll() : this.q().adrsOfLog()).all(log.id).map((r) => this.summary(r, log.name)));
  }
  /** Full texts of a log's live records, by number. */
  adrTexts(logId: number): Array<AdrSummary & { text: string }> {
    return this.q().adrsOfLog().all(logId).map((r) => ({ ...this.summary(r), text: r.text }));
  }
  adrByFile(logId: number, fileName: string): (AdrSummary & { text: string }) | null {
    const row = this.q().adrByFile().get(logId, fileName);
    return row ? { ...this.summary(row), text: row.text } : null;
  }
  getAdr(id: number): AdrDetail {
    const row = this.row(id);
    return {
      ...this.summary(row),
      text: row.text,
      revisions: this.q().revisions().all(id).map(toRevision),
      statusChanges: this.q().statusChanges().all(id).map(toStatusChange),
    };
  }
  nextNumber(logId: number): number {
    return (this.q().maxNumber().get(logId)?.n ?? 0) + 1;
  }
  /** Refuses an unknown log and a file name the log already holds with clear errors (not a constraint failure). */
  insertAdr(a: NewAdr): AdrSummary {
    const log = this.q().logById().get(a.logId);
    if (!log) throw new HostError('NOT_FOUND', `there is no ADR log ${a.logId}`);
    if (this.q().adrByFile().get(a.logId, a.fileName)) throw new HostError('ADR_EXISTS', `the ADR log ${log.name} already has a record ${a.fileName}`);
    const at = nowIso();
    const actor = a.actor ?? defaultAuthor();
    const info = this.q().insertAdr().run(newAdrRow(a, at));
    const id = Number(info.lastInsertRowid);
    this.q().insertRevision().run(id, a.text, a.status, actor, at);
    this.q().insertStatusChange().run(id, null, a.status, actor, at);
    return this.summary(this.row(id));
  }
  /**
   * Inserts a record under the next number of its log, taken and used in one transaction, so two
   * writers never get the same number and none is skipped. `render` builds the record for the
   * number it gets (its file name and text carry the number). With `decisionId` the record is
   * that decision's ADR: it is linked in the same transaction, and a decision that already has
   * one gets it back instead of a second (closing a meeting twice makes its ADRs once).
   */
  insertNextAdr(a: NextAdr, render: (number: number) => Omit<AdrFields, 'number'>): AdrSummary {
    return this.transaction(() => {
      if (a.decisionId !== undefined) {
        const decision = this.q().decisionById().get(a.decisionId);
        if (!decision) throw new HostError('NOT_FOUND', `there is no decision ${a.decisionId}`);
        if (decision.adr_id !== null) return this.summary(this.row(decision.adr_id));
      }
      const number = this.nextNumber(a.logId);
      const { decisionId, ...fields } = a;
      const adr = this.insertAdr({ ...fields, ...render(number), number });
      if (decisionId !== undefined) this.q().setDecisionAdr().run(adr.id, decisionId);
      return adr;
    });
  }
  /** Writes new fields; the text before stays in the revisions and a status change is logged. Unchanged text writes nothing. */
  updateAdr(id: number, fields: AdrFields, actor = defaultAuthor()): AdrSummary {
    const before = this.row(id);
    if (before.text === fields.text && before.file_name === fields.fileName && before.number === fields.number) return this.summary(before);
    const at = nowIso();
    this.q().updateAdr().run({ id, number: fields.number, file_name: fields.fileName, title: fields.title, status: fields.status, date: fields.date, text: fields.text, updated_at: at });
    this.q().insertRevision().run(id, fields.text, fields.status, actor, at);
    if (before.status !== fields.status) this.q().insertStatusChange().run(id, before.status, fields.status, actor, at);
    return this.summary(this.row(id));
  }
  setAdrDeleted(id: number, deleted: boolean): AdrSummary {
    this.row(id);
    this.q().setAdrDeleted().run(deleted ? nowIso() : null, id);
    return this.summary(this.row(id));
  }
  adrsOfMeeting(meetingId: number): AdrSummary[] {
    return this.q().adrsOfMeeting().all(meetingId).map((r) => this.summary(r));
  }
  adrText(id: number): string {
    return this.row(id).text;
  }

  // Meetings

  private meetingRow(id: number): MeetingRow {
    const row = this.q().meetingById().get(id);
    if (!row) throw new HostError('NOT_FOUND', `there is no meeting ${id}`);
    return row;
  }
  meeting(id: number, providerNotes: string[] = []): Meeting {
    const row = this.meetingRow(id);
    return {
      ...this.meetingHead(row),
      items: this.q().itemsOf().all(id).map(toItem),
      decisions: currentDecisions(this.q().decisionsOf().all(id)),
      providerNotes,
    };
  }
  private meetingHead(row: MeetingRow): MeetingHead {
    return toMeetingHead(row);
  }
  listMeetings() {
    return this.q().listMeetings().all().map((r) => this.meetingHead(r));
  }
  createMeeting(m: { specId: number | null; specVersion: number | null; title: string; scheduledAt: string | null; durationMinutes: number }): number {
    const round = (this.q().lastRound().get(m.specId)?.n ?? 0) + 1;
    const info = this.q().insertMeeting().run(newMeetingRow(m, round, nowIso()));
    return Number(info.lastInsertRowid);
  }
  /** The last closed meeting of the same spec before `meetingId`, whose deferred items carry over. */
  previousMeeting(specId: number | null, meetingId: number): Meeting | null {
    const row = this.q().previousClosed().get(specId, meetingId);
    return row ? this.meeting(row.id) : null;
  }
  addItems(meetingId: number, items: NewAgendaItem[]): void {
    const existing = this.q().itemsOf().all(meetingId);
    let position = existing.reduce((max, i) => Math.max(max, i.position), 0);
    const at = nowIso();
    for (const item of items) {
      this.q().insertItem().run({
        meeting_id: meetingId,
        position: ++position,
        source_kind: item.sourceKind,
        source_ref: item.sourceRef,
        title: item.title,
        detail: item.detail,
        requirement_ids: JSON.stringify(item.requirementIds),
        minutes: item.minutes,
        carried_from: item.carriedFrom,
        created_at: at,
      });
    }
  }
  setItemMinutes(itemId: number, minutes: number): void {
    this.q().setItemMinutes().run(minutes, itemId);
  }
  item(itemId: number): AgendaItem {
    const row = this.q().itemById().get(itemId);
    if (!row) throw new HostError('NOT_FOUND', `there is no agenda item ${itemId}`);
    return toItem(row);
  }
  meetingState(meetingId: number): 'open' | 'closed' {
    return this.meetingRow(meetingId).state;
  }
  /** Records a decision on an item; an earlier decision on it stays, marked replaced. */
  recordDecision(d: { itemId: number; outcome: Decision['outcome']; rationale: string; alternatives: Decision['alternatives']; people: string[] }): Decision {
    const item = this.item(d.itemId);
    const previous = this.q().currentDecisionOf().get(d.itemId);
    const info = this.q().insertDecision().run({
      meeting_id: item.meetingId,
      agenda_item_id: d.itemId,
      outcome: d.outcome,
      rationale: d.rationale,
      alternatives: JSON.stringify(d.alternatives),
      people: JSON.stringify(d.people),
      adr_id: null,
      created_at: nowIso(),
    });
    const id = Number(info.lastInsertRowid);
    if (previous) this.q().replaceDecision().run(id, previous.id);
    this.q().setItemState().run(d.outcome === 'deferred' ? 'deferred' : 'decided', d.itemId);
    return toDecision(this.q().currentDecisionOf().get(d.itemId)!);
  }
  setItemState(itemId: number, state: AgendaItem['state']): void {
    this.q().setItemState().run(state, itemId);
  }
  linkDecisionAdr(decisionId: number, adrId: number): void {
    this.q().setDecisionAdr().run(adrId, decisionId);
  }
  markClosed(meetingId: number, people: string[]): void {
    this.q().closeMeeting().run(nowIso(), JSON.stringify(people), meetingId);
  }

  // Lifecycle

  addTransition(t: { specId: number; state: SpecStage; at?: string; actor?: string; source?: TransitionSource; detail?: string | null }): void {
    this.specs.getSpec(t.specId);
    this.q().insertTransition().run({
      spec_id: t.specId,
      state: t.state,
      at: t.at ?? nowIso(),
      actor: t.actor ?? defaultAuthor(),
      source: t.source ?? 'manual',
      detail: t.detail ?? null,
      recorded_at: nowIso(),
    });
  }
  /** Whether this detected start (by commit) is already recorded, so detection adds it once. */
  hasDetectedStart(specId: number, detail: string): boolean {
    return this.q().detectedStart().get(specId, detail) !== undefined;
  }
  transitions(specId: number): SpecTransition[] {
    return this.q().transitionsOf().all(specId).map(toTransition);
  }
  allTransitions(): SpecTransition[] {
    return this.q().allTransitions().all().map(toTransition);
  }

  // Spec required?

  saveSpecRequired(specId: number | null, answers: SpecRequiredAnswers, result: SpecRequiredResult, actor = defaultAuthor()): StoredSpecRequired {
    if (specId !== null) this.specs.getSpec(specId);
    const at = nowIso();
    this.q().insertSpecRequired().run({ spec_id: specId, answers: JSON.stringify(answers), recommendation: result.recommendation, reasons: JSON.stringify(result.reasons), actor, at });
    return { specId, answers, ...result, actor, at };
  }
  latestSpecRequired(specId: number): StoredSpecRequired | null {
    const row = this.q().latestSpecRequired().get(specId);
    return row ? toStoredSpecRequired(row) : null;
  }
  /** The newest recommendation of every spec that has one, by spec id (the Library's badge). */
  latestSpecRequiredPerSpec(): Map<number, SpecRequiredResult> {
    const rows = this.q().latestSpecRequiredPerSpec().all();
    return new Map(rows.map((r) => [r.spec_id as number, { recommendation: r.recommendation, reasons: parseJson<string[]>(r.reasons) }]));
  }
}
