import { numberedFileName, parseAdr, renderAdr, type AdrFormat, type AdrRecord } from '../../core/adr/index.js';
import type { AgendaItem, Decision, Meeting } from '../../core/contract/ops/decisions.js';
import { parseSpec } from '../../core/markdown/parse.js';

/** The spec text an ADR's context is taken from: Context and Problem Statement, else Background & Motivation. */
export function specContext(markdown: string): string {
  const doc = parseSpec(markdown);
  const wanted = [/^context/i, /problem statement/i, /background/i, /motivation/i];
  const parts = doc.sections.filter((s) => s.heading !== null && wanted.some((w) => w.test(s.heading!))).map((s) => s.body.trim());
  const text = parts.join('\n\n');
  return text.length > 2000 ? `${text.slice(0, 1997)}…` : text;
}

export interface AdrSeed {
  number: number;
  format: AdrFormat;
  meeting: Meeting;
  items: AgendaItem[];
  decisions: Decision[];
  spec: { id: number; title: string; version: number | null; context: string } | null;
  date: string;
}

/**
 * A prefilled ADR for one or several decisions of a meeting: title, context from the spec,
 * the options (the item and each alternative, with why it was rejected), the outcome and its
 * rationale, the people, the date, and links to the spec version and requirement ids.
 */
export function adrFromDecisions(seed: AdrSeed): AdrRecord {
  const { items, decisions } = seed;
  const title = items.length === 1 ? items[0].title : `${items[0].title} (and ${items.length - 1} more)`;
  const outcome = decisions.every((d) => d.outcome === 'rejected') ? 'rejected' : 'accepted';
  const people = [...new Set(decisions.flatMap((d) => d.people).concat(seed.meeting.people))];
  const requirementIds = [...new Set(items.flatMap((i) => i.requirementIds))];
  const context = [seed.spec?.context ?? '', ...items.map((i) => `Raised for the meeting: ${i.title}${i.detail ? ` — ${i.detail}` : ''}`)].filter(Boolean).join('\n\n');
  const options = items.map((i) => `* ${i.title}`).concat(decisions.flatMap((d) => d.alternatives.map((a) => `* ${a.option}`)));
  const outcomeText = items
    .map((item) => {
      const d = decisions.find((x) => x.agendaItemId === item.id)!;
      return d.outcome === 'accepted' ? `Chosen option: "${item.title}", because ${d.rationale}` : `Rejected: "${item.title}", because ${d.rationale}`;
    })
    .join('\n\n');
  const prosCons = decisions
    .flatMap((d) => d.alternatives)
    .map((a) => `### ${a.option}\n\n* Bad, because ${a.whyRejected || 'it was not chosen'}`)
    .join('\n\n');
  const more = [
    `Decided in "${seed.meeting.title}" (round ${seed.meeting.round}) on ${seed.date}${people.length ? ` with ${people.join(', ')}` : ''}.`,
    seed.spec ? `Spec: ${seed.spec.title} (spec ${seed.spec.id}${seed.spec.version ? `, version ${seed.spec.version}` : ''}).` : '',
    requirementIds.length ? `Requirements: ${requirementIds.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const sections = [
    { heading: 'Context and Problem Statement', body: context || '(no context recorded)' },
    { heading: 'Considered Options', body: options.join('\n') },
    { heading: 'Decision Outcome', body: outcomeText },
    ...(prosCons ? [{ heading: 'Pros and Cons of the Options', body: prosCons }] : []),
    { heading: 'More Information', body: more },
  ].map((s) => ({ ...s, headingLine: '' }));
  const meta = { number: seed.number, title, status: outcome, date: seed.date, decisionMakers: people, consulted: [], informed: [], links: [] };
  const format = seed.format === 'plain' ? 'madr' : seed.format;
  return parseAdr(numberedFileName(seed.number, title), renderAdr(meta, sections, format));
}
