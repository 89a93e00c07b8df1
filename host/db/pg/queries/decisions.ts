import type { AdrLogRow, AdrRevisionRow, AdrRow, AgendaItemRow, DecisionRow, MeetingRow, SpecRequiredRow, TransitionRow } from '../../queries/decisions.js';
import type { PgQueryable } from '../pg-database.js';

/**
 * The decision tables of PostgreSQL migration 003, one function per statement (the SQLite
 * module `host/db/queries/decisions.ts` has the same statements and row shapes). Every function
 * takes the queryable it runs on: the pool, or a client inside a transaction.
 *
 * Text is ordered with COLLATE "C" (byte order), as SQLite orders it, whatever the database's
 * collation is; `IS NOT DISTINCT FROM` is SQLite's `IS` for a nullable spec id.
 */
const ADR_ORDER = 'ORDER BY number NULLS LAST, file_name COLLATE "C"';

export type NewAdrRow = Omit<AdrRow, 'id' | 'deleted_at'>;
export type NewMeetingRow = Omit<MeetingRow, 'id' | 'state' | 'closed_at'>;
export type NewAgendaItemRow = Omit<AgendaItemRow, 'id' | 'state'>;
export type NewDecisionRow = Omit<DecisionRow, 'id' | 'replaced_by' | 'deleted_at'>;

export const pgDecisionQueries = {
  specExists: async (q: PgQueryable, specId: number) => (await q.one<{ id: number }>('SELECT id FROM specs WHERE id = $1', [specId])) !== null,

  logByName: (q: PgQueryable, name: string) => q.one<AdrLogRow>('SELECT * FROM adr_logs WHERE name = $1', [name]),
  logById: (q: PgQueryable, id: number) => q.one<AdrLogRow>('SELECT * FROM adr_logs WHERE id = $1', [id]),
  /** Takes the log's row lock until the transaction ends: new numbers of one log are handed out one at a time. */
  lockLog: (q: PgQueryable, id: number) => q.one<AdrLogRow>('SELECT * FROM adr_logs WHERE id = $1 FOR UPDATE', [id]),
  listLogs: (q: PgQueryable) => q.rows<AdrLogRow>('SELECT * FROM adr_logs ORDER BY id'),
  /** Two servers creating the same log at once: one inserts, the other finds it. */
  insertLogIfMissing: (q: PgQueryable, name: string, dir: string | null, format: string, createdAt: string) =>
    q.rows('INSERT INTO adr_logs (name, dir, format, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING', [name, dir, format, createdAt]),
  setLogDir: (q: PgQueryable, logId: number, dir: string) => q.rows('UPDATE adr_logs SET dir = $1 WHERE id = $2', [dir, logId]),

  adrsOfLog: (q: PgQueryable, logId: number) => q.rows<AdrRow>(`SELECT * FROM adrs WHERE log_id = $1 AND deleted_at IS NULL ${ADR_ORDER}`, [logId]),
  adrsOfLogAll: (q: PgQueryable, logId: number) => q.rows<AdrRow>(`SELECT * FROM adrs WHERE log_id = $1 ${ADR_ORDER}`, [logId]),
  adrById: (q: PgQueryable, id: number) => q.one<AdrRow>('SELECT * FROM adrs WHERE id = $1', [id]),
  adrByFile: (q: PgQueryable, logId: number, fileName: string) => q.one<AdrRow>('SELECT * FROM adrs WHERE log_id = $1 AND file_name = $2', [logId, fileName]),
  maxNumber: async (q: PgQueryable, logId: number) => (await q.one<{ n: number | null }>('SELECT max(number) AS n FROM adrs WHERE log_id = $1', [logId]))?.n ?? null,
  insertAdr: async (q: PgQueryable, r: NewAdrRow) =>
    (await q.one<{ id: number }>(
      `INSERT INTO adrs (log_id, number, file_name, title, status, date, text, spec_id, spec_version, requirement_ids, meeting_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [r.log_id, r.number, r.file_name, r.title, r.status, r.date, r.text, r.spec_id, r.spec_version, r.requirement_ids, r.meeting_id, r.created_at, r.updated_at],
    ))!.id,
  updateAdr: (q: PgQueryable, r: { id: number; number: number | null; file_name: string; title: string; status: string; date: string | null; text: string; updated_at: string }) =>
    q.rows('UPDATE adrs SET number = $1, file_name = $2, title = $3, status = $4, date = $5, text = $6, updated_at = $7 WHERE id = $8', [
      r.number,
      r.file_name,
      r.title,
      r.status,
      r.date,
      r.text,
      r.updated_at,
      r.id,
    ]),
  setAdrDeleted: (q: PgQueryable, id: number, deletedAt: string | null) => q.rows('UPDATE adrs SET deleted_at = $1 WHERE id = $2', [deletedAt, id]),
  adrsOfMeeting: (q: PgQueryable, meetingId: number) => q.rows<AdrRow>('SELECT * FROM adrs WHERE meeting_id = $1 AND deleted_at IS NULL ORDER BY id', [meetingId]),
  insertRevision: (q: PgQueryable, adrId: number, text: string, status: string, actor: string, at: string) =>
    q.rows('INSERT INTO adr_revisions (adr_id, text, status, actor, at) VALUES ($1, $2, $3, $4, $5)', [adrId, text, status, actor, at]),
  revisions: (q: PgQueryable, adrId: number) => q.rows<AdrRevisionRow>('SELECT * FROM adr_revisions WHERE adr_id = $1 ORDER BY id', [adrId]),
  insertStatusChange: (q: PgQueryable, adrId: number, from: string | null, to: string, actor: string, at: string) =>
    q.rows('INSERT INTO adr_status_changes (adr_id, from_status, to_status, actor, at) VALUES ($1, $2, $3, $4, $5)', [adrId, from, to, actor, at]),
  statusChanges: (q: PgQueryable, adrId: number) =>
    q.rows<{ from_status: string | null; to_status: string; actor: string; at: string }>(
      'SELECT from_status, to_status, actor, at FROM adr_status_changes WHERE adr_id = $1 ORDER BY id',
      [adrId],
    ),

  insertMeeting: async (q: PgQueryable, r: NewMeetingRow) =>
    (await q.one<{ id: number }>(
      `INSERT INTO meetings (spec_id, spec_version, round, title, scheduled_at, duration_minutes, people, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [r.spec_id, r.spec_version, r.round, r.title, r.scheduled_at, r.duration_minutes, r.people, r.created_at],
    ))!.id,
  meetingById: (q: PgQueryable, id: number) => q.one<MeetingRow>('SELECT * FROM meetings WHERE id = $1', [id]),
  /** The meeting's row lock: agenda positions of one meeting are handed out one writer at a time. */
  lockMeeting: (q: PgQueryable, id: number) => q.one<MeetingRow>('SELECT * FROM meetings WHERE id = $1 FOR UPDATE', [id]),
  listMeetings: (q: PgQueryable) => q.rows<MeetingRow>('SELECT * FROM meetings ORDER BY id DESC'),
  lastRound: async (q: PgQueryable, specId: number | null) =>
    (await q.one<{ n: number | null }>('SELECT max(round) AS n FROM meetings WHERE spec_id IS NOT DISTINCT FROM $1::int', [specId]))?.n ?? null,
  /** Serialises round numbering per spec (or for meetings without one) inside the caller's transaction. */
  lockRounds: (q: PgQueryable, specId: number | null) => q.rows("SELECT pg_advisory_xact_lock(hashtext('specbench.meeting-rounds'), coalesce($1::int, 0))", [specId]),
  previousClosed: (q: PgQueryable, specId: number | null, meetingId: number) =>
    q.one<MeetingRow>("SELECT * FROM meetings WHERE spec_id IS NOT DISTINCT FROM $1::int AND state = 'closed' AND id < $2 ORDER BY id DESC LIMIT 1", [specId, meetingId]),
  closeMeeting: (q: PgQueryable, id: number, closedAt: string, people: string) =>
    q.rows("UPDATE meetings SET state = 'closed', closed_at = $1, people = $2 WHERE id = $3", [closedAt, people, id]),

  insertItem: (q: PgQueryable, r: NewAgendaItemRow) =>
    q.rows(
      `INSERT INTO agenda_items (meeting_id, position, source_kind, source_ref, title, detail, requirement_ids, minutes, carried_from, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [r.meeting_id, r.position, r.source_kind, r.source_ref, r.title, r.detail, r.requirement_ids, r.minutes, r.carried_from, r.created_at],
    ),
  itemsOf: (q: PgQueryable, meetingId: number) => q.rows<AgendaItemRow>('SELECT * FROM agenda_items WHERE meeting_id = $1 ORDER BY position, id', [meetingId]),
  itemById: (q: PgQueryable, id: number) => q.one<AgendaItemRow>('SELECT * FROM agenda_items WHERE id = $1', [id]),
  setItemState: (q: PgQueryable, id: number, state: string) => q.rows('UPDATE agenda_items SET state = $1 WHERE id = $2', [state, id]),
  setItemMinutes: (q: PgQueryable, id: number, minutes: number) => q.rows('UPDATE agenda_items SET minutes = $1 WHERE id = $2', [minutes, id]),
  /** The item's row lock: two people recording a decision on one item at once replace one another in turn. */
  lockItem: (q: PgQueryable, id: number) => q.one<AgendaItemRow>('SELECT * FROM agenda_items WHERE id = $1 FOR UPDATE', [id]),

  insertDecision: async (q: PgQueryable, r: NewDecisionRow) =>
    (await q.one<{ id: number }>(
      `INSERT INTO decisions (meeting_id, agenda_item_id, outcome, rationale, alternatives, people, adr_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [r.meeting_id, r.agenda_item_id, r.outcome, r.rationale, r.alternatives, r.people, r.adr_id, r.created_at],
    ))!.id,
  /** The decision's row lock: its ADR is made once even when two servers close the meeting at once. */
  lockDecision: (q: PgQueryable, id: number) => q.one<DecisionRow>('SELECT * FROM decisions WHERE id = $1 FOR UPDATE', [id]),
  currentDecisionOf: (q: PgQueryable, itemId: number) =>
    q.one<DecisionRow>('SELECT * FROM decisions WHERE agenda_item_id = $1 AND replaced_by IS NULL AND deleted_at IS NULL ORDER BY id DESC LIMIT 1', [itemId]),
  decisionsOf: (q: PgQueryable, meetingId: number) => q.rows<DecisionRow>('SELECT * FROM decisions WHERE meeting_id = $1 ORDER BY id', [meetingId]),
  replaceDecision: (q: PgQueryable, oldId: number, newId: number) => q.rows('UPDATE decisions SET replaced_by = $1 WHERE id = $2', [newId, oldId]),
  setDecisionAdr: (q: PgQueryable, decisionId: number, adrId: number) => q.rows('UPDATE decisions SET adr_id = $1 WHERE id = $2', [adrId, decisionId]),

  insertTransition: (q: PgQueryable, r: Omit<TransitionRow, 'id'>) =>
    q.rows('INSERT INTO spec_transitions (spec_id, state, at, actor, source, detail, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      r.spec_id,
      r.state,
      r.at,
      r.actor,
      r.source,
      r.detail,
      r.recorded_at,
    ]),
  transitionsOf: (q: PgQueryable, specId: number) => q.rows<TransitionRow>('SELECT * FROM spec_transitions WHERE spec_id = $1 ORDER BY at COLLATE "C", id', [specId]),
  allTransitions: (q: PgQueryable) => q.rows<TransitionRow>('SELECT * FROM spec_transitions ORDER BY spec_id, at COLLATE "C", id'),
  detectedStart: (q: PgQueryable, specId: number, detail: string) =>
    q.one<TransitionRow>(
      "SELECT * FROM spec_transitions WHERE spec_id = $1 AND state = 'implementation-started' AND source = 'detected' AND detail IS NOT DISTINCT FROM $2::text",
      [specId, detail],
    ),

  insertSpecRequired: (q: PgQueryable, r: Omit<SpecRequiredRow, 'id'>) =>
    q.rows('INSERT INTO spec_required_answers (spec_id, answers, recommendation, reasons, actor, at) VALUES ($1, $2, $3, $4, $5, $6)', [
      r.spec_id,
      r.answers,
      r.recommendation,
      r.reasons,
      r.actor,
      r.at,
    ]),
  latestSpecRequired: (q: PgQueryable, specId: number | null) =>
    q.one<SpecRequiredRow>('SELECT * FROM spec_required_answers WHERE spec_id IS NOT DISTINCT FROM $1::int ORDER BY id DESC LIMIT 1', [specId]),
  // One query for the whole Library listing: the newest answer of every spec.
  latestSpecRequiredPerSpec: (q: PgQueryable) =>
    q.rows<Pick<SpecRequiredRow, 'spec_id' | 'recommendation' | 'reasons'>>(
      'SELECT spec_id, recommendation, reasons FROM spec_required_answers WHERE id IN (SELECT max(id) FROM spec_required_answers WHERE spec_id IS NOT NULL GROUP BY spec_id)',
    ),
};
