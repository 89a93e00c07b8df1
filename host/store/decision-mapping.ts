import type { AdrSummary, AgendaItem, Decision, Meeting } from '../../core/contract/ops/decisions.js';
import type { SpecStage, SpecTransition } from '../../core/flow/lifecycle.js';
import type { AdrLogRow, AdrRow, AgendaItemRow, DecisionRow, MeetingRow, SpecRequiredRow, TransitionRow } from '../db/queries/decisions.js';
import type { AdrLog, NewAdr, StoredSpecRequired } from './decisions.js';

/**
 * Rows of the decision tables → the contract's shapes. Both dialects return the same rows
 * (ids as numbers, ISO text times, JSON as text), so SQLite's DecisionStore and the PostgreSQL
 * repository map them with these same functions.
 */
export const parseJson = <T>(text: string): T => JSON.parse(text) as T;

/** The stored row of a new meeting, numbered `round` among its spec's meetings. */
export function newMeetingRow(m: { specId: number | null; specVersion: number | null; title: string; scheduledAt: string | null; durationMinutes: number }, round: number, at: string) {
  return {
    spec_id: m.specId,
    spec_version: m.specVersion,
    round,
    title: m.title,
    scheduled_at: m.scheduledAt,
    duration_minutes: m.durationMinutes,
    people: '[]',
    created_at: at,
  };
}

/** The stored row of a new ADR, stamped `at` (the other direction: contract shape → row). */
export function newAdrRow(a: NewAdr, at: string) {
  return {
    log_id: a.logId,
    number: a.number,
    file_name: a.fileName,
    title: a.title,
    status: a.status,
    date: a.date,
    text: a.text,
    spec_id: a.specId ?? null,
    spec_version: a.specVersion ?? null,
    requirement_ids: JSON.stringify(a.requirementIds ?? []),
    meeting_id: a.meetingId ?? null,
    created_at: at,
    updated_at: at,
  };
}

export function toLog(row: AdrLogRow): AdrLog {
  return { id: row.id, name: row.name, dir: row.dir, format: row.format };
}

export function toItem(r: AgendaItemRow): AgendaItem {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    position: r.position,
    sourceKind: r.source_kind,
    sourceRef: r.source_ref,
    title: r.title,
    detail: r.detail,
    requirementIds: parseJson(r.requirement_ids),
    minutes: r.minutes,
    state: r.state,
    carriedFrom: r.carried_from,
  };
}

export function toDecision(r: DecisionRow): Decision {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    agendaItemId: r.agenda_item_id,
    outcome: r.outcome,
    rationale: r.rationale,
    alternatives: parseJson(r.alternatives),
    people: parseJson(r.people),
    adrId: r.adr_id,
    createdAt: r.created_at,
  };
}

/** Only current decisions: neither replaced by a re-recording nor deleted. */
export function currentDecisions(rows: DecisionRow[]): Decision[] {
  return rows.filter((d) => d.replaced_by === null && d.deleted_at === null).map(toDecision);
}

export function toAdrSummary(row: AdrRow, logName: string): AdrSummary {
  return {
    id: row.id,
    logId: row.log_id,
    logName,
    number: row.number,
    fileName: row.file_name,
    title: row.title,
    status: row.status,
    date: row.date,
    specId: row.spec_id,
    specVersion: row.spec_version,
    requirementIds: parseJson(row.requirement_ids),
    meetingId: row.meeting_id,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export type MeetingHead = Omit<Meeting, 'items' | 'decisions' | 'providerNotes'>;

export function toMeetingHead(row: MeetingRow): MeetingHead {
  return {
    id: row.id,
    specId: row.spec_id,
    specVersion: row.spec_version,
    round: row.round,
    title: row.title,
    scheduledAt: row.scheduled_at,
    durationMinutes: row.duration_minutes,
    people: parseJson<string[]>(row.people),
    state: row.state,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}

export function toTransition(r: TransitionRow): SpecTransition {
  return { specId: r.spec_id, state: r.state as SpecStage, at: r.at, actor: r.actor, source: r.source, detail: r.detail };
}

export function toStoredSpecRequired(row: SpecRequiredRow): StoredSpecRequired {
  return { specId: row.spec_id, answers: parseJson(row.answers), recommendation: row.recommendation, reasons: parseJson(row.reasons), actor: row.actor, at: row.at };
}

export function toRevision(r: { status: string; actor: string; at: string; text: string }) {
  return { status: r.status, actor: r.actor, at: r.at, text: r.text };
}

export function toStatusChange(c: { from_status: string | null; to_status: string; actor: string; at: string }) {
  return { from: c.from_status, to: c.to_status, actor: c.actor, at: c.at };
}
