import { padNumber } from './file-name.js';
import { linkMarkdown } from './links.js';
import { linkWords, type AdrFormat, type AdrLink, type AdrMeta, type AdrSection } from './model.js';

/** Section headings as adr-tools names them, for records written in MADR and exported as Nygard, and back. */
const TO_NYGARD: Record<string, string> = { 'context and problem statement': 'Context', 'decision outcome': 'Decision' };
const TO_MADR: Record<string, string> = { context: 'Context and Problem Statement', decision: 'Decision Outcome' };

export function mapHeading(heading: string, format: AdrFormat): string {
  const key = heading.trim().toLowerCase();
  return (format === 'nygard' ? TO_NYGARD[key] : TO_MADR[key]) ?? heading;
}

function capital(word: string): string {
  return word ? word[0].toUpperCase() + word.slice(1) : word;
}

/** The status value MADR and log4brains write: `superseded by [ADR-0003](0003-x.md)` or the bare word. */
export function statusValue(meta: AdrMeta): string {
  const by = meta.links.find((l) => l.kind === 'superseded-by');
  return meta.status === 'superseded' && by ? `superseded by ${linkMarkdown(by)}` : meta.status;
}

/** The lines of an adr-tools `## Status` section: the status (or `Superseded by …`) then each other link. */
export function nygardStatusLines(meta: AdrMeta): string[] {
  const by = meta.links.filter((l) => l.kind === 'superseded-by');
  const lines = meta.status === 'superseded' && by.length ? [] : [capital(meta.status || 'proposed')];
  for (const l of meta.links) lines.push(`${linkWords(l.kind)} ${linkMarkdown(l)}`);
  return lines;
}

function yamlString(value: string): string {
  return /^[\w][\w .,@()/+-]*$/.test(value) && !/^(true|false|null|yes|no|~)$/i.test(value) && !/^\d/.test(value.trim()) ? value : JSON.stringify(value);
}

function yamlDate(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : yamlString(value);
}

function otherLinks(meta: AdrMeta, kind: AdrLink['kind']): string[] {
  return meta.links.filter((l) => l.kind === kind).map(linkMarkdown);
}

/** Front matter lines for MADR 4; empty people lists are left out. */
export function madrFrontMatter(meta: AdrMeta): string {
  const lines = ['---', `status: ${yamlString(statusValue(meta) || 'proposed')}`];
  if (meta.date) lines.push(`date: ${yamlDate(meta.date)}`);
  if (meta.decisionMakers.length) lines.push(`decision-makers: ${yamlString(meta.decisionMakers.join(', '))}`);
  if (meta.consulted.length) lines.push(`consulted: ${yamlString(meta.consulted.join(', '))}`);
  if (meta.informed.length) lines.push(`informed: ${yamlString(meta.informed.join(', '))}`);
  for (const kind of ['supersedes', 'amends', 'amended-by'] as const) {
    const targets = otherLinks(meta, kind);
    if (targets.length === 1) lines.push(`${kind}: ${JSON.stringify(targets[0])}`);
    else if (targets.length > 1) lines.push(`${kind}:`, ...targets.map((t) => `  - ${JSON.stringify(t)}`));
  }
  lines.push('---');
  return `${lines.join('\n')}\n`;
}

function sectionBlocks(sections: AdrSection[], format: AdrFormat): string {
  const kept = sections.filter((s) => !(format === 'nygard' && s.heading.trim().toLowerCase() === 'status'));
  return kept.map((s, i) => `## ${mapHeading(s.heading, format)}\n\n${s.body.trim()}\n${i < kept.length - 1 ? '\n' : ''}`).join('');
}

/** A fresh record text in `format` (used for new records and for exports into another format). */
export function renderAdr(meta: AdrMeta, sections: AdrSection[], format: AdrFormat): string {
  const body = sectionBlocks(sections, format);
  const tail = body ? `\n${body}` : '';
  if (format === 'nygard') {
    const head = `# ${meta.number ?? 0}. ${meta.title}\n\nDate: ${meta.date ?? ''}\n\n## Status\n\n${nygardStatusLines(meta).join('\n\n')}\n`;
    return head + tail;
  }
  if (format === 'log4brains' || format === 'plain') {
    const bullets = [`- Status: ${statusValue(meta) || 'proposed'}`];
    if (meta.date) bullets.push(`- Date: ${meta.date}`);
    if (meta.decisionMakers.length) bullets.push(`- Deciders: ${meta.decisionMakers.join(', ')}`);
    for (const kind of ['supersedes', 'amends', 'amended-by'] as const) for (const l of meta.links.filter((x) => x.kind === kind)) bullets.push(`- ${linkWords(kind)} ${linkMarkdown(l)}`);
    return `# ${meta.title}\n\n${bullets.join('\n')}\n${tail}`;
  }
  return `${madrFrontMatter(meta)}\n# ${meta.title}\n${tail}`;
}

/** The label a link gets in `format`: `3. Title` for adr-tools, `ADR-0003` otherwise. */
export function linkLabel(format: AdrFormat, target: { number: number | null; title: string; fileName: string }): string {
  if (target.number === null) return target.fileName.replace(/\.md$/i, '');
  return format === 'nygard' ? `${target.number}. ${target.title}` : `ADR-${padNumber(target.number)}`;
}
