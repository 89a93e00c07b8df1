import type { AdrFormat } from '../../core/adr/index.js';
import type { AgendaItem, Decision, Meeting } from '../../core/contract/ops/decisions.js';
import { planAgenda, type AgendaCandidate } from '../../core/meeting/agenda.js';
import type { AdrFields, NewAgendaItem } from '../store/decisions.js';
import { adrFromDecisions, specContext } from './adr-from-decisions.js';
import type { AgendaProvider, AgendaContext } from './providers.js';

/**
 * The decision meeting's rules without a store: what the agenda holds, who was present, which
 * decisions become which ADRs. The local MeetingService (SQLite, synchronous) and the team
 * server's meetings (the async store contract) both follow these, so the two cannot drift.
 */

/** The spec a meeting reviews, as far as the meeting needs it. */
export interface MeetingSpec {
  specId: number;
  specVersion: number;
  contentHash: string;
  title: string;
  markdown: string;
}

/** The providers' context for a spec (or for a meeting without one). */
export function agendaContext(spec: MeetingSpec | null): AgendaContext & { title: string | null; markdown: string | null } {
  if (spec === null) return { specId: null, specVersion: null, contentHash: null, title: null, markdown: null };
  return { specId: spec.specId, specVersion: spec.specVersion, contentHash: spec.contentHash, title: spec.title, markdown: spec.markdown };
}

/** Every provider's candidates; a provider that cannot answer becomes a note naming why. */
export async function collectCandidates(providers: AgendaProvider[], ctx: AgendaContext): Promise<{ candidates: AgendaCandidate[]; notes: string[] }> {
  const notes: string[] = [];
  const candidates: AgendaCandidate[] = [];
  for (const provider of providers) {
    try {
      candidates.push(...(await provider.collect(ctx)));
    } catch (error) {
      notes.push(`${provider.kind}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { candidates, notes };
}

export function meetingTitle(title: string | undefined, specTitle: string | null): string {
  return title ?? (specTitle ? `Decision meeting: ${specTitle}` : 'Decision meeting');
}

/**
 * The agenda rows of a new meeting: the providers' candidates plus the items the previous round
 * deferred (or left undecided), which come back as `carried` items, planned into the time box.
 */
export function plannedAgenda(candidates: AgendaCandidate[], previous: Meeting | null, durationMinutes: number): NewAgendaItem[] {
  const carried = new Map<string, number>();
  const all = [...candidates];
  for (const item of previous?.items.filter((i) => i.state === 'deferred') ?? []) {
    const ref = `item-${item.id}`;
    carried.set(ref, item.id);
    all.push({ sourceKind: 'carried', sourceRef: ref, title: item.title, detail: item.detail, requirementIds: item.requirementIds });
  }
  return planAgenda(all, durationMinutes).map((p) => ({ ...p, carriedFrom: carried.get(p.sourceRef) ?? null }));
}

/** An item added by hand during the meeting. */
export function manualAgendaItem(item: { title: string; detail?: string; minutes?: number }): NewAgendaItem {
  return { sourceKind: 'manual', sourceRef: `manual-added-${Date.now()}`, title: item.title, detail: item.detail ?? '', requirementIds: [], minutes: item.minutes ?? 5, carriedFrom: null };
}

/** Who was present when closing: the names given and everyone named in a decision. */
export function closingPeople(meeting: Meeting, people: string[] = []): string[] {
  return [...new Set([...people, ...meeting.decisions.flatMap((d) => d.people)])];
}

/** Decisions that become ADRs on closing: accepted or rejected ones without an ADR yet, with their item. */
export function decisionsForAdrs(meeting: Meeting): Array<{ decision: Decision; item: AgendaItem }> {
  return meeting.decisions
    .filter((d) => d.outcome !== 'deferred' && d.adrId === null)
    .map((decision) => ({ decision, item: meeting.items.find((i) => i.id === decision.agendaItemId)! }));
}

/** Open items when closing: they become deferred, so the next round's agenda lists them. */
export function itemsToDefer(meeting: Meeting): AgendaItem[] {
  return meeting.items.filter((i) => i.state === 'open');
}

/** The ADR of one decision under `number`, written in the log's format, dated `date`. */
export function meetingAdrFields(input: {
  number: number;
  format: AdrFormat;
  meeting: Meeting;
  people: string[];
  item: AgendaItem;
  decision: Decision;
  spec: MeetingSpec | null;
  date: string;
}): Omit<AdrFields, 'number'> {
  const spec = input.spec === null ? null : { id: input.spec.specId, title: input.spec.title, version: input.meeting.specVersion, context: specContext(input.spec.markdown) };
  const record = adrFromDecisions({
    number: input.number,
    format: input.format,
    meeting: { ...input.meeting, people: input.people },
    items: [input.item],
    decisions: [input.decision],
    spec,
    date: input.date,
  });
  return { fileName: record.fileName, title: record.title, status: record.status, date: record.date, text: record.source!.text };
}
