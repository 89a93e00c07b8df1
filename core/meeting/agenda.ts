import type { AgendaItem, Decision, Meeting } from '../contract/ops/decisions.js';

/** Something open that the meeting should resolve, as a provider reports it. */
export interface AgendaCandidate {
  /** Which provider: thread, verdict, finding, criterion, manual, carried. */
  sourceKind: string;
  /** The provider's own id for the item, so the same thing is listed once. */
  sourceRef: string;
  title: string;
  detail: string;
  requirementIds: string[];
}

/** Blocking disagreements first, then reviewers' verdicts, then AI findings and criteria, then carried and manual items. */
const ORDER: Record<string, number> = { thread: 0, verdict: 1, carried: 2, finding: 3, criterion: 4, manual: 5 };

/** Orders and de-duplicates candidates and shares the meeting's minutes among them (at least one each). */
export function planAgenda(candidates: AgendaCandidate[], totalMinutes = 30): Array<AgendaCandidate & { minutes: number }> {
  const seen = new Set<string>();
  const unique = candidates.filter((c) => {
    const key = `${c.sourceKind}\u0000${c.sourceRef}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const sorted = unique
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (ORDER[a.c.sourceKind] ?? 9) - (ORDER[b.c.sourceKind] ?? 9) || a.i - b.i)
    .map((x) => x.c);
  const base = sorted.length ? Math.max(1, Math.floor(totalMinutes / sorted.length)) : 0;
  let spare = Math.max(0, totalMinutes - base * sorted.length);
  return sorted.map((c) => ({ ...c, minutes: base + (spare-- > 0 ? 1 : 0) }));
}

const OUTCOME = { accepted: 'Accepted', rejected: 'Rejected', deferred: 'Deferred' } as const;

function decisionOf(item: AgendaItem, decisions: Decision[]): Decision | undefined {
  return decisions.find((d) => d.agendaItemId === item.id);
}

/** The agenda as Markdown for the invite; decided items show their outcome once recorded. */
export function agendaMarkdown(meeting: Meeting): string {
  const lines = [`# ${meeting.title}`, ''];
  const when = meeting.scheduledAt ? `${meeting.scheduledAt.replace('T', ' ').slice(0, 16)} UTC, ` : '';
  lines.push(`${when}${meeting.durationMinutes} minutes · round ${meeting.round}${meeting.specId === null ? '' : ` · spec ${meeting.specId}${meeting.specVersion ? ` v${meeting.specVersion}` : ''}`}`, '');
  if (meeting.people.length) lines.push(`People: ${meeting.people.join(', ')}`, '');
  lines.push('## Agenda', '');
  meeting.items.forEach((item, i) => {
    const reqs = item.requirementIds.length ? ` (${item.requirementIds.join(', ')})` : '';
    lines.push(`${i + 1}. **${item.title}**${reqs} — ${item.minutes} min · ${item.sourceKind}${item.carriedFrom ? ', carried over' : ''}`);
    if (item.detail) lines.push(`   ${item.detail.replace(/\s*\n\s*/g, ' ')}`);
    const d = decisionOf(item, meeting.decisions);
    if (d) lines.push(`   *${OUTCOME[d.outcome]}:* ${d.rationale.replace(/\s*\n\s*/g, ' ')}`);
  });
  if (!meeting.items.length) lines.push('Nothing open.');
  return `${lines.join('\n')}\n`;
}
