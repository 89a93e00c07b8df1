import { matchSection } from '../../markdown/heading-match.js';
import type { CanonicalItem, CanonicalRequirement, CanonicalSpec } from './canonical.js';

export type TargetFormat = 'six-part' | 'speckit' | 'kiro' | 'openspec';

/** `FR-1: `, `NFR-1 (Latency): `, `**FR-001**: ` — a native id written so every parser reads it back. */
function prefix(c: CanonicalItem, bold = false): string {
  if (!c.native) return '';
  const label = c.label ? ` (${c.label})` : '';
  return bold ? `**${c.id}${label}**: ` : `${c.id}${label}: `;
}

/** A list entry whose later lines stay inside it (indented under the marker). */
function entry(marker: string, text: string): string {
  const pad = ' '.repeat(marker.length + 1);
  return `${marker} ${text.split('\n').map((line, i) => (i === 0 || line === '' ? line : pad + line.replace(/^[ \t]+/, ''))).join('\n')}`;
}

function body(text: string): string {
  return text.replace(/^\n+/, '').replace(/\s+$/, '');
}

/** Prose sections under one heading: a single one as it is, several as H3 subsections. */
function proseUnder(prose: CanonicalSpec['prose']): string[] {
  if (prose.length === 1) return [body(prose[0].body), ''];
  return prose.flatMap((p) => [`### ${p.heading}`, '', body(p.body), '']);
}

/** Numbers for derived requirement ids in formats that need native ones: after the highest written. */
function nextIds(spec: CanonicalSpec, kind: 'FR' | 'AC'): () => string {
  const items = kind === 'FR' ? spec.requirements : [...spec.criteria, ...spec.requirements.flatMap((r) => r.criteria)];
  let n = Math.max(0, ...items.filter((i) => i.native && i.id.startsWith(`${kind}-`)).map((i) => Number(i.id.slice(kind.length + 1))));
  return () => `${kind}-${++n}`;
}

function extraSections(spec: CanonicalSpec, withEdgeCases: boolean, withSuccess: boolean): string[] {
  const out: string[] = [];
  if (withEdgeCases && spec.edgeCases) out.push(`## ${spec.edgeCases.heading}`, '', body(spec.edgeCases.body), '');
  if (withSuccess && spec.successCriteria.length > 0) {
    out.push('## Success Criteria', '', ...spec.successCriteria.map((c) => entry('-', `${prefix(c, true)}${c.text}`)), '');
  }
  return out;
}

function looseGroups(criteria: CanonicalItem[]): Array<{ title: string | null; items: CanonicalItem[] }> {
  const groups: Array<{ title: string | null; items: CanonicalItem[] }> = [];
  for (const c of criteria) {
    const title = c.group && !/^(?:Requirement\b|Scenario:|User Story\b|Acceptance (?:Criteria|Scenarios)\b)/i.test(c.group) ? c.group : null;
    const last = groups[groups.length - 1];
    if (last && last.title === title) last.items.push(c);
    else groups.push({ title, items: [c] });
  }
  return groups;
}

/** The six-part agent-ready spec. */
export function writeSixPart(spec: CanonicalSpec): string {
  const fr = nextIds(spec, 'FR');
  const ac = nextIds(spec, 'AC');
  const out = [`# ${spec.title}`, ''];
  const problem = spec.prose.filter((p) => matchSection('agent-ready', p.heading) === 'problem');
  const context = spec.prose.filter((p) => !problem.includes(p));
  out.push('## Context', '', ...(context.length ? proseUnder(context) : []));
  if (problem.length) out.push('## Problem Statement', '', ...proseUnder(problem));
  const item = (c: CanonicalItem, next: () => string) => entry('-', c.native ? `**${c.id}${c.label ? ` (${c.label})` : ''}:** ${c.text}` : `**${next()}:** ${c.text}`);
  out.push('## Functional Requirements', '', ...spec.requirements.filter((r) => !r.nfr).map((r) => item(r, fr)), '');
  const nfrs = spec.requirements.filter((r) => r.nfr);
  if (nfrs.length) out.push('## Non-Functional Requirements', '', ...nfrs.map((r) => item(r, fr)), '');
  if (spec.edgeCases) out.push('## Edge Cases and Error Handling', '', body(spec.edgeCases.body), '');
  out.push('## Acceptance Criteria', '');
  for (const r of spec.requirements) {
    if (r.criteria.length) out.push(`### Criteria for ${r.native ? r.id : r.name ?? r.id}`, '', ...r.criteria.map((c) => item(c, ac)), '');
  }
  for (const g of looseGroups(spec.criteria)) out.push(...(g.title ? [`### ${g.title}`, ''] : []), ...g.items.map((c) => item(c, ac)), '');
  if (spec.successCriteria.length) out.push('### Success Criteria', '', ...spec.successCriteria.map((c) => item(c, ac)), '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function kiroBlock(n: number, r: CanonicalRequirement | null, criteria: CanonicalItem[]): string[] {
  const title = r && !r.native && r.name ? `: ${r.name}` : '';
  const out = [`### Requirement ${n}${title}`, ''];
  // Only a user story is labelled as one; an OpenSpec SHALL statement stays a plain paragraph.
  if (r) out.push(r.native ? `${prefix(r)}${r.text}` : /^As (?:an?|the)\s/i.test(r.text) ? `**User Story:** ${r.text}` : r.text, '');
  if (criteria.length) out.push('#### Acceptance Criteria', '', ...criteria.map((c, i) => entry(`${i + 1}.`, `${prefix(c)}${c.text}`)), '');
  return out;
}

/** Kiro's requirements.md: each requirement with its numbered criteria; loose criteria in a last block. */
export function writeKiro(spec: CanonicalSpec): string {
  const out = [`# ${spec.title}`, '', '## Introduction', '', ...(spec.prose.length ? proseUnder(spec.prose) : []), '## Requirements', ''];
  let n = 0;
  for (const r of spec.requirements) out.push(...kiroBlock(++n, r, r.criteria));
  if (spec.criteria.length) out.push(...kiroBlock(++n, null, spec.criteria));
  out.push(...extraSections(spec, true, true));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** spec-kit's spec.md: criteria as acceptance scenarios of user stories, FRs and SCs in their sections. */
export function writeSpeckit(spec: CanonicalSpec): string {
  const fr = nextIds(spec, 'FR');
  const out = [`# Feature Specification: ${spec.title}`, ''];
  for (const p of spec.prose) out.push(`## ${p.heading}`, '', body(p.body), '');
  out.push('## User Scenarios & Testing *(mandatory)*', '');
  let story = 0;
  const storyBlock = (title: string, criteria: CanonicalItem[]) => {
    story++;
    out.push(`### User Story ${story} - ${title} (Priority: P${Math.min(story, 3)})`, '', '**Acceptance Scenarios**:', '', ...criteria.map((c, i) => entry(`${i + 1}.`, `${prefix(c, true)}${c.text}`)), '');
  };
  for (const r of spec.requirements) if (r.criteria.length) storyBlock(r.native ? r.id : r.name ?? r.id, r.criteria);
  for (const g of looseGroups(spec.criteria)) storyBlock(g.title ?? 'Acceptance criteria', g.items);
  if (spec.edgeCases) out.push('### Edge Cases', '', body(spec.edgeCases.body), '');
  out.push('## Requirements *(mandatory)*', '', '### Functional Requirements', '');
  out.push(...spec.requirements.map((r) => entry('-', r.native ? `${prefix(r, true)}${r.text}` : `**${fr()}**: ${r.text}`)), '');
  if (spec.successCriteria.length) {
    out.push('## Success Criteria *(mandatory)*', '', '### Measurable Outcomes', '', ...spec.successCriteria.map((c) => entry('-', `${prefix(c, true)}${c.text}`)), '');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** An OpenSpec capability spec: each requirement a statement with its scenarios. */
export function writeOpenspec(spec: CanonicalSpec): string {
  const out = [`# ${spec.title.replace(/\s+Specification$/i, '')} Specification`, '', '## Purpose', '', ...(spec.prose.length ? proseUnder(spec.prose) : []), '## Requirements', ''];
  const name = (c: CanonicalItem) => (c.native ? `${c.id}${c.label ? ` (${c.label})` : ''}` : c.name ?? c.id);
  const scenarios = (criteria: CanonicalItem[]) =>
    // The steps are written flush left: an OpenSpec scenario's text already holds its "- **THEN**" lines.
    criteria.flatMap((c) => [`#### Scenario: ${name(c)}`, '', `- ${c.text.replace(/\n[ \t]+/g, '\n')}`, '']);
  for (const r of spec.requirements) out.push(`### Requirement: ${name(r)}`, '', r.text, '', ...scenarios(r.criteria));
  if (spec.criteria.length) out.push('### Requirement: Criteria without a requirement', '', ...scenarios(spec.criteria));
  out.push(...extraSections(spec, true, true));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
