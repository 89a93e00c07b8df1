import type { AdrDetail, AdrSummary, AgendaItem, Decision, Meeting } from '../../../core/contract/ops/decisions.js';
import type { AdrFormat } from '../../../core/adr/model.js';
import type { SpecStage, SpecTransition, TransitionSource } from '../../../core/flow/lifecycle.js';
import type { SpecRequiredAnswers, SpecRequiredResult } from '../../../core/flow/spec-required.js';
import { HostError } from '../../common/host-error.js';
import type { PgDatabase, PgQueryable } from '../../db/pg/pg-database.js';
import { pgDecisionQueries as Q } from '../../db/pg/queries/decisions.js';
import type { AdrRow, MeetingRow } from '../../db/queries/decisions.js';
import type { DecisionRepository } from '../contract/store-contract.js';
import { newAdrRow, newMeetingRow, currentDecisions, parseJson, toAdrSummary, toDecision, toItem, toLog, toMeetingHead, toRevision, toStatusChange, toStoredSpecRequired, toTransition } from '../decision-mapping.js';
import type { AdrFields, AdrLog, NewAdr, NewAgendaItem, NextAdr, StoredSpecRequired } from '../decisions.js';
import { defaultAuthor, notFound, nowIso } from '../session.js';

/**
 * Decisions, ADRs, meetings, the spec lifecycle and "spec required?" answers on PostgreSQL
 * (migration 003), behaving as SQLite's DecisionStore does. Every write that reads before it
 * writes runs in one transaction under a row lock on what it numbers (the ADR log, the meeting,
 * the agenda item), so two team servers writing at once neither share nor skip a number.
 */
export function pgDecisionRepository(db: PgDatabase): DecisionRepository {
  async function logName(q: PgQueryable, logId: number): Promise<string> {
    return (await Q.logById(q, logId))?.name ?? '';
  }
  async function summary(q: PgQueryable, row: AdrRow, name?: string): Promise<AdrSummary> {
    return toAdrSummary(row, name ?? (await logName(q, row.log_id)));
  }
  async function adrRow(q: PgQueryable, id: number): Promise<AdrRow> {
    const row = await Q.adrById(q, id);
    if (!row) throw new HostError('NOT_FOUND', `there is no ADR ${id}`);
    return row;
  }
  async function meetingRow(q: PgQueryable, id: number): Promise<MeetingRow> {
    const row = await Q.meetingById(q, id);
    if (!row) throw new HostError('NOT_FOUND', `there is no meeting ${id}`);
    return row;
  }
  async function item(q: PgQueryable, itemId: number): Promise<AgendaItem> {
    const row = await Q.itemById(q, itemId);
    if (!row) throw new HostError('NOT_FOUND', `there is no agenda item ${itemId}`);
    return toItem(row);
  }
  async function requireSpec(q: PgQueryable, specId: number): Promise<void> {
    if (!(await Q.specExists(q, specId))) throw notFound(`spec ${specId}`);
  }
  async function meeting(q: PgQueryable, id: number, providerNotes: string[] = []): Promise<Meeting> {
    const row = await meetingRow(q, id);
    return { ...toMeetingHead(row), items: (await Q.itemsOf(q, id)).map(toItem), decisions: currentDecisions(await Q.decisionsOf(q, id)), providerNotes };
  }
  async function log(q: PgQueryable, name: string): Promise<AdrLog | null> {
    const row = await Q.logByName(q, name);
    return row ? toLog(row) : null;
  }
  async function nextNumber(q: PgQueryable, logId: number): Promise<number> {
    return ((await Q.maxNumber(q, logId)) ?? 0) + 1;
  }
  async function insertAdr(q: PgQueryable, a: NewAdr): Promise<AdrSummary> {
    const logRow = await Q.logById(q, a.logId);
    if (!logRow) throw new HostError('NOT_FOUND', `there is no ADR log ${a.logId}`);
    if (await Q.adrByFile(q, a.logId, a.fileName)) throw new HostError('ADR_EXISTS', `the ADR log ${logRow.name} already has a record ${a.fileName}`);
    const at = nowIso();
    const actor = a.actor ?? defaultAuthor();
    const id = await Q.insertAdr(q, newAdrRow(a, at));
    await Q.insertRevision(q, id, a.text, a.status, actor, at);
    await Q.insertStatusChange(q, id, null, a.status, actor, at);
    return summary(q, await adrRow(q, id), logRow.name);
  }

  return {
    // ADR logs

    log: (name) => log(db, name),
    async ensureLog(name: string, format: AdrFormat = 'madr', dir: string | null = null) {
      await Q.insertLogIfMissing(db, name, dir, format, nowIso());
      return (await log(db, name))!;
    },
    async setLogDir(logId, dir) {
      await Q.setLogDir(db, logId, dir);
    },
    logs: async () => (await Q.listLogs(db)).map(toLog),

    // ADRs

    async listAdrs(options: { logName?: string; includeDeleted?: boolean } = {}) {
      const logs = options.logName ? [await log(db, options.logName)].filter((l): l is AdrLog => l !== null) : (await Q.listLogs(db)).map(toLog);
      const out: AdrSummary[] = [];
      for (const l of logs) {
        const rows = options.includeDeleted ? await Q.adrsOfLogAll(db, l.id) : await Q.adrsOfLog(db, l.id);
        out.push(...rows.map((r) => toAdrSummary(r, l.name)));
      }
      return out;
    },
    async adrTexts(logId) {
      const name = await logName(db, logId);
      return (await Q.adrsOfLog(db, logId)).map((r) => ({ ...toAdrSummary(r, name), text: r.text }));
    },
    async adrByFile(logId, fileName) {
      const row = await Q.adrByFile(db, logId, fileName);
      return row ? { ...(await summary(db, row)), text: row.text } : null;
    },
    async getAdr(id): Promise<AdrDetail> {
      // One snapshot: the record, its revisions and status changes as of the same moment.
      return db.tx(
        async (q) => {
          const row = await adrRow(q, id);
          return {
            ...(await summary(q, row)),
            text: row.text,
            revisions: (await Q.revisions(q, id)).map(toRevision),
            statusChanges: (await Q.statusChanges(q, id)).map(toStatusChange),
          };
        },
        { isolation: 'repeatable read' },
      );
    },
    nextNumber: (logId) => nextNumber(db, logId),
    insertAdr: (a) => db.tx((q) => insertAdr(q, a)),
    insertNextAdr(a: NextAdr, render: (number: number) => Omit<AdrFields, 'number'>) {
      return db.tx(async (q) => {
        const { decisionId, ...fields } = a;
        if (decisionId !== undefined) {
          // The decision's row lock first: a second closer waits here, then finds the ADR made.
          const decision = await Q.lockDecision(q, decisionId);
          if (!decision) throw new HostError('NOT_FOUND', `there is no decision ${decisionId}`);
          if (decision.adr_id !== null) return summary(q, await adrRow(q, decision.adr_id));
        }
        // The log's row lock is held until commit: a second writer waits here, then sees this number taken.
        if (!(await Q.lockLog(q, a.logId))) throw new HostError('NOT_FOUND', `there is no ADR log ${a.logId}`);
        const number = await nextNumber(q, a.logId);
        const adr = await insertAdr(q, { ...fields, ...render(number), number });
        if (decisionId !== undefined) await Q.setDecisionAdr(q, decisionId, adr.id);
        return adr;
      });
    },
    updateAdr(id, fields: AdrFields, actor = defaultAuthor()) {
      return db.tx(async (q) => {
        const before = await adrRow(q, id);
        if (before.text === fields.text && before.file_name === fields.fileName && before.number === fields.number) return summary(q, before);
        const at = nowIso();
        await Q.updateAdr(q, { id, number: fields.number, file_name: fields.fileName, title: fields.title, status: fields.status, date: fields.date, text: fields.text, updated_at: at });
        await Q.insertRevision(q, id, fields.text, fields.status, actor, at);
        if (before.status !== fields.status) await Q.insertStatusChange(q, id, before.status, fields.status, actor, at);
        return summary(q, await adrRow(q, id));
      });
    },
    setAdrDeleted(id, deleted) {
      return db.tx(async (q) => {
        await adrRow(q, id);
        await Q.setAdrDeleted(q, id, deleted ? nowIso() : null);
        return summary(q, await adrRow(q, id));
      });
    },
    async adrsOfMeeting(meetingId) {
      const rows = await Q.adrsOfMeeting(db, meetingId);
      return Promise.all(rows.map((r) => summary(db, r)));
    },
    adrText: async (id) => (await adrRow(db, id)).text,

    // Meetings

    meeting: (id, providerNotes: string[] = []) => db.tx((q) => meeting(q, id, providerNotes), { isolation: 'repeatable read' }),
    listMeetings: async () => (await Q.listMeetings(db)).map(toMeetingHead),
    createMeeting(m) {
      return db.tx(async (q) => {
        await Q.lockRounds(q, m.specId);
        const round = ((await Q.lastRound(q, m.specId)) ?? 0) + 1;
        return Q.insertMeeting(q, newMeetingRow(m, round, nowIso()));
      });
    },
    async previousMeeting(specId, meetingId) {
      const row = await Q.previousClosed(db, specId, meetingId);
      return row ? meeting(db, row.id) : null;
    },
    addItems(meetingId, items: NewAgendaItem[]) {
      return db.tx(async (q) => {
        // Positions continue after the highest; the meeting's row lock keeps two adders apart.
        await Q.lockMeeting(q, meetingId);
        let position = (await Q.itemsOf(q, meetingId)).reduce((max, i) => Math.max(max, i.position), 0);
        const at = nowIso();
        for (const it of items) {
          await Q.insertItem(q, {
            meeting_id: meetingId,
            position: ++position,
            source_kind: it.sourceKind,
            source_ref: it.sourceRef,
            title: it.title,
            detail: it.detail,
            requirement_ids: JSON.stringify(it.requirementIds),
            minutes: it.minutes,
            carried_from: it.carriedFrom,
            created_at: at,
          });
        }
      });
    },
    async setItemMinutes(itemId, minutes) {
      await Q.setItemMinutes(db, itemId, minutes);
    },
    item: (itemId) => item(db, itemId),
    meetingState: async (meetingId) => (await meetingRow(db, meetingId)).state,
    recordDecision(d: { itemId: number; outcome: Decision['outcome']; rationale: string; alternatives: Decision['alternatives']; people: string[] }) {
      return db.tx(async (q) => {
        const locked = await Q.lockItem(q, d.itemId);
        if (!locked) throw new HostError('NOT_FOUND', `there is no agenda item ${d.itemId}`);
        const previous = await Q.currentDecisionOf(q, d.itemId);
        const id = await Q.insertDecision(q, {
          meeting_id: locked.meeting_id,
          agenda_item_id: d.itemId,
          outcome: d.outcome,
          rationale: d.rationale,
          alternatives: JSON.stringify(d.alternatives),
          people: JSON.stringify(d.people),
          adr_id: null,
          created_at: nowIso(),
        });
        if (previous) await Q.replaceDecision(q, previous.id, id);
        await Q.setItemState(q, d.itemId, d.outcome === 'deferred' ? 'deferred' : 'decided');
        return toDecision((await Q.currentDecisionOf(q, d.itemId))!);
      });
    },
    async setItemState(itemId, state) {
      await Q.setItemState(db, itemId, state);
    },
    async linkDecisionAdr(decisionId, adrId) {
      await Q.setDecisionAdr(db, decisionId, adrId);
    },
    async markClosed(meetingId, people) {
      await Q.closeMeeting(db, meetingId, nowIso(), JSON.stringify(people));
    },

    // Lifecycle

    async addTransition(t: { specId: number; state: SpecStage; at?: string; actor?: string; source?: TransitionSource; detail?: string | null }) {
      await requireSpec(db, t.specId);
      await Q.insertTransition(db, {
        spec_id: t.specId,
        state: t.state,
        at: t.at ?? nowIso(),
        actor: t.actor ?? defaultAuthor(),
        source: t.source ?? 'manual',
        detail: t.detail ?? null,
        recorded_at: nowIso(),
      });
    },
    hasDetectedStart: async (specId, detail) => (await Q.detectedStart(db, specId, detail)) !== null,
    transitions: async (specId): Promise<SpecTransition[]> => (await Q.transitionsOf(db, specId)).map(toTransition),
    allTransitions: async () => (await Q.allTransitions(db)).map(toTransition),

    // Spec required?

    async saveSpecRequired(specId: number | null, answers: SpecRequiredAnswers, result: SpecRequiredResult, actor = defaultAuthor()): Promise<StoredSpecRequired> {
      if (specId !== null) await requireSpec(db, specId);
      const at = nowIso();
      await Q.insertSpecRequired(db, { spec_id: specId, answers: JSON.stringify(answers), recommendation: result.recommendation, reasons: JSON.stringify(result.reasons), actor, at });
      return { specId, answers, ...result, actor, at };
    },
    async latestSpecRequired(specId) {
      const row = await Q.latestSpecRequired(db, specId);
      return row ? toStoredSpecRequired(row) : null;
    },
    async latestSpecRequiredPerSpec() {
      const rows = await Q.latestSpecRequiredPerSpec(db);
      return new Map(rows.map((r) => [r.spec_id as number, { recommendation: r.recommendation, reasons: parseJson<string[]>(r.reasons) }]));
    },
  };
}
