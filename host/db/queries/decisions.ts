import type { Database } from 'better-sqlite3';
import { lazyStatement } from './lazy-statement.js';

/** Rows of migration 006. They never leave host/db and host/store. */
export interface AdrLogRow {
  id: number;
  name: string;
  dir: string | null;
  format: 'madr' | 'nygard' | 'log4brains' | 'plain';
  created_at: string;
}

export interface AdrRow {
  id: number;
  log_id: number;
  number: number | null;
  file_name: string;
  title: string;
  status: string;
  date: string | null;
  text: string;
  spec_id: number | null;
  spec_version: number | null;
  requirement_ids: string;
  meeting_id: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface AdrRevisionRow {
  id: number;
  adr_id: number;
  text: string;
  status: string;
  actor: string;
  at: string;
}

export interface MeetingRow {
  id: number;
  spec_id: number | null;
  spec_version: number | null;
  round: number;
  title: string;
  scheduled_at: string | null;
  duration_minutes: number;
  people: string;
  state: 'open' | 'closed';
  created_at: string;
  closed_at: string | null;
}

export interface AgendaItemRow {
  id: number;
  meeting_id: number;
  position: number;
  source_kind: string;
  source_ref: string;
  title: string;
  detail: string;
  requirement_ids: string;
  minutes: number;
  state: 'open' | 'decided' | 'deferred';
  carried_from: number | null;
  created_at: string;
}

export interface DecisionRow {
  id: number;
  meeting_id: number;
  agenda_item_id: number;
  outcome: 'accepted' | 'rejected' | 'deferred';
  rationale: string;
  alternatives: string;
  people: string;
  adr_id: number | null;
  replaced_by: number | null;
  created_at: string;
  deleted_at: string | null;
}

export interface TransitionRow {
  id: number;
  spec_id: number;
  state: string;
  at: string;
  actor: string;
  source: 'manual' | 'detected';
  detail: string | null;
  recorded_at: string;
}

export interface SpecRequiredRow {
  id: number;
  spec_id: number | null;
  answers: string;
  recommendation: 'spec' | 'no-spec';
  reasons: string;
  actor: string;
  at: string;
}

/** Prepared statements over the decision tables of migration 006. */
export function createDecisionQueries(db: Database) {
  const s = <P extends unknown[] | object = unknown[], R = unknown>(sql: string) => lazyStatement<P, R>(db, sql);
  return {
    logByName: s<[string], AdrLogRow>('SELECT * FROM adr_logs WHERE name = ?'),
    logById: s<[number], AdrLogRow>('SELECT * FROM adr_logs WHERE id = ?'),
    listLogs: s<[], AdrLogRow>('SELECT * FROM adr_logs ORDER BY id'),
    insertLog: s<[string, string | null, string, string]>('INSERT INTO adr_logs (name, dir, format, created_at) VALUES (?, ?, ?, ?)'),
    setLogDir: s<[string | null, number]>('UPDATE adr_logs SET dir = ? WHERE id = ?'),

    adrsOfLog: s<[number], AdrRow>('SELECT * FROM adrs WHERE log_id = ? AND deleted_at IS NULL ORDER BY number IS NULL, number, file_name'),
    adrsOfLogAll: s<[number], AdrRow>('SELECT * FROM adrs WHERE log_id = ? ORDER BY number IS NULL, number, file_name'),
    adrById: s<[number], AdrRow>('SELECT * FROM adrs WHERE id = ?'),
    adrByFile: s<[number, string], AdrRow>('SELECT * FROM adrs WHERE log_id = ? AND file_name = ?'),
    maxNumber: s<[number], { n: number | null }>('SELECT MAX(number) AS n FROM adrs WHERE log_id = ?'),
    insertAdr: s<Omit<AdrRow, 'id' | 'deleted_at'>>(
      `INSERT INTO adrs (log_id, number, file_name, title, status, date, text, spec_id, spec_version, requirement_ids, meeting_id, created_at, updated_at)
       VALUES (@log_id, @number, @file_name, @title, @status, @date, @text, @spec_id, @spec_version, @requirement_ids, @meeting_id, @created_at, @updated_at)`,
    ),
    updateAdr: s<{ id: number; number: number | null; file_name: string; title: string; status: string; date: string | null; text: string; updated_at: string }>(
      'UPDATE adrs SET number = @number, file_name = @file_name, title = @title, status = @status, date = @date, text = @text, updated_at = @updated_at WHERE id = @id',
    ),
    setAdrDeleted: s<[string | null, number]>('UPDATE adrs SET deleted_at = ? WHERE id = ?'),
    adrsOfMeeting: s<[number], AdrRow>('SELECT * FROM adrs WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY id'),
    insertRevision: s<[number, string, string, string, string]>('INSERT INTO adr_revisions (adr_id, text, status, actor, at) VALUES (?, ?, ?, ?, ?)'),
    revisions: s<[number], AdrRevisionRow>('SELECT * FROM adr_revisions WHERE adr_id = ? ORDER BY id'),
    insertStatusChange: s<[number, string | null, string, string, string]>('INSERT INTO adr_status_changes (adr_id, from_status, to_status, actor, at) VALUES (?, ?, ?, ?, ?)'),
    statusChanges: s<[number], { from_status: string | null; to_status: string; actor: string; at: string }>('SELECT from_status, to_status, actor, at FROM adr_status_changes WHERE adr_id = ? ORDER BY id'),

    insertMeeting: s<Omit<MeetingRow, 'id' | 'state' | 'closed_at'>>(
      `INSERT INTO meetings (spec_id, spec_version, round, title, scheduled_at, duration_minutes, people, created_at)
       VALUES (@spec_id, @spec_version, @round, @title, @scheduled_at, @duration_minutes, @people, @created_at)`,
    ),
    meetingById: s<[number], MeetingRow>('SELECT * FROM meetings WHERE id = ?'),
    listMeetings: s<[], MeetingRow>('SELECT * FROM meetings ORDER BY id DESC'),
    lastRound: s<[number | null], { n: number | null }>('SELECT MAX(round) AS n FROM meetings WHERE spec_id IS ?'),
    previousClosed: s<[number | null, number], MeetingRow>("SELECT * FROM meetings WHERE spec_id IS ? AND state = 'closed' AND id < ? ORDER BY id DESC LIMIT 1"),
    closeMeeting: s<[string, string, number]>("UPDATE meetings SET state = 'closed', closed_at = ?, people = ? WHERE id = ?"),

    insertItem: s<Omit<AgendaItemRow, 'id' | 'state'>>(
      `INSERT INTO agenda_items (meeting_id, position, source_kind, source_ref, title, detail, requirement_ids, minutes, carried_from, created_at)
       VALUES (@meeting_id, @position, @source_kind, @source_ref, @title, @detail, @requirement_ids, @minutes, @carried_from, @created_at)`,
    ),
    itemsOf: s<[number], AgendaItemRow>('SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY position, id'),
    itemById: s<[number], AgendaItemRow>('SELECT * FROM agenda_items WHERE id = ?'),
    setItemState: s<[string, number]>('UPDATE agenda_items SET state = ? WHERE id = ?'),
    setItemMinutes: s<[number, number]>('UPDATE agenda_items SET minutes = ? WHERE id = ?'),

    insertDecision: s<Omit<DecisionRow, 'id' | 'replaced_by' | 'deleted_at'>>(
      `INSERT INTO decisions (meeting_id, agenda_item_id, outcome, rationale, alternatives, people, adr_id, created_at)
       VALUES (@meeting_id, @agenda_item_id, @outcome, @rationale, @alternatives, @people, @adr_id, @created_at)`,
    ),
    decisionById: s<[number], DecisionRow>('SELECT * FROM decisions WHERE id = ?'),
    currentDecisionOf: s<[number], DecisionRow>('SELECT * FROM decisions WHERE agenda_item_id = ? AND replaced_by IS NULL AND deleted_at IS NULL ORDER BY id DESC LIMIT 1'),
    decisionsOf: s<[number], DecisionRow>('SELECT * FROM decisions WHERE meeting_id = ? ORDER BY id'),
    replaceDecision: s<[number, number]>('UPDATE decisions SET replaced_by = ? WHERE id = ?'),
    setDecisionAdr: s<[number, number]>('UPDATE decisions SET adr_id = ? WHERE id = ?'),

    insertTransition: s<Omit<TransitionRow, 'id'>>(
      'INSERT INTO spec_transitions (spec_id, state, at, actor, source, detail, recorded_at) VALUES (@spec_id, @state, @at, @actor, @source, @detail, @recorded_at)',
    ),
    transitionsOf: s<[number], TransitionRow>('SELECT * FROM spec_transitions WHERE spec_id = ? ORDER BY at, id'),
    allTransitions: s<[], TransitionRow>('SELECT * FROM spec_transitions ORDER BY spec_id, at, id'),
    detectedStart: s<[number, string], TransitionRow>("SELECT * FROM spec_transitions WHERE spec_id = ? AND state = 'implementation-started' AND source = 'detected' AND detail IS ?"),

    insertSpecRequired: s<Omit<SpecRequiredRow, 'id'>>(
      'INSERT INTO spec_required_answers (spec_id, answers, recommendation, reasons, actor, at) VALUES (@spec_id, @answers, @recommendation, @reasons, @actor, @at)',
    ),
    latestSpecRequired: s<[number | null], SpecRequiredRow>('SELECT * FROM spec_required_answers WHERE spec_id IS ? ORDER BY id DESC LIMIT 1'),
    // One query for the whole Library listing: the newest answer of every spec.
    latestSpecRequiredPerSpec: s<[], Pick<SpecRequiredRow, 'spec_id' | 'recommendation' | 'reasons'>>(
      'SELECT spec_id, recommendation, reasons FROM spec_required_answers WHERE id IN (SELECT MAX(id) FROM spec_required_answers WHERE spec_id IS NOT NULL GROUP BY spec_id)',
    ),
  };
}

export type DecisionQueries = ReturnType<typeof createDecisionQueries>;
