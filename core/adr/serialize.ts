import { linkMarkdown } from './links.js';
import { linkWords, sameMeta, type AdrFormat, type AdrLink, type AdrMeta, type AdrRecord } from './model.js';
import { madrFrontMatter, nygardStatusLines, renderAdr, statusValue } from './render.js';
import { frontMatterOf, joinSections, linesOf } from './split.js';

const TITLE = /^#\s+\S/;
const LINK_BULLET = /^\s*[*-]\s+(supersedes|superseded by|amends|amended by)\b/i;
const OTHER_LINK_KINDS = ['supersedes', 'amends', 'amended-by'] as const;

type Field = 'title' | 'status' | 'date' | 'decisionMakers' | 'consulted' | 'informed' | 'links';

function changedFields(before: AdrMeta, after: AdrMeta): Set<Field> {
  const changed = new Set<Field>();
  if (before.title !== after.title || before.number !== after.number) changed.add('title');
  if (before.status !== after.status) changed.add('status');
  if (before.date !== after.date) changed.add('date');
  for (const f of ['decisionMakers', 'consulted', 'informed'] as const) if (before[f].join('\n') !== after[f].join('\n')) changed.add(f);
  if (JSON.stringify(before.links) !== JSON.stringify(after.links)) {
    changed.add('links');
    // The superseded-by link lives in the status value in MADR and log4brains.
    changed.add('status');
  }
  return changed;
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Replaces the first line matching `match` (and the indented lines under it); inserts at `insertAt` when none matches; removes it when `lines` is null. */
function setLine(all: string[], match: RegExp, lines: string[] | null, insertAt: () => number, nl: string): string[] {
  const out = [...all];
  const i = out.findIndex((l) => match.test(l));
  if (i >= 0) {
    let end = i + 1;
    while (end < out.length && /^\s+\S/.test(out[end]) && !/^\s*[*-]\s+\w[\w -]*:/.test(out[end])) end++;
    out.splice(i, end - i, ...(lines ?? []).map((l) => l + nl));
  } else if (lines) {
    out.splice(insertAt(), 0, ...lines.map((l) => l + nl));
  }
  return out;
}

function titleLine(meta: AdrMeta, layout: AdrRecord['layout']): string {
  return layout === 'nygard' ? `# ${meta.number ?? 0}. ${meta.title}` : `# ${meta.title}`;
}

function patchFrontMatter(preamble: string, meta: AdrMeta, changed: Set<Field>): string {
  const fm = frontMatterOf(preamble);
  if (!fm) return preamble;
  const nl = eol(preamble);
  let lines = linesOf(preamble.slice(0, fm.end));
  const closing = () => lines.length - 1;
  // The rendered MADR front matter is the one source of key spellings and quoting.
  const rendered = madrFrontMatter(meta).split('\n');
  const renderedKey = (key: string): string[] | null => {
    const i = rendered.findIndex((l) => l.startsWith(`${key}:`));
    if (i < 0) return null;
    let end = i + 1;
    while (end < rendered.length && rendered[end].startsWith('  ')) end++;
    return rendered.slice(i, end);
  };
  if (changed.has('status')) lines = setLine(lines, /^status\s*:/, renderedKey('status'), closing, nl);
  if (changed.has('date')) lines = setLine(lines, /^date\s*:/, renderedKey('date'), closing, nl);
  if (changed.has('decisionMakers')) {
    const usesDeciders = lines.some((l) => /^deciders\s*:/.test(l));
    const value = renderedKey('decision-makers');
    lines = setLine(lines, /^(decision-makers|deciders)\s*:/, value && usesDeciders ? value.map((l) => l.replace(/^decision-makers:/, 'deciders:')) : value, closing, nl);
  }
  if (changed.has('consulted')) lines = setLine(lines, /^consulted\s*:/, renderedKey('consulted'), closing, nl);
  if (changed.has('informed')) lines = setLine(lines, /^informed\s*:/, renderedKey('informed'), closing, nl);
  if (changed.has('links')) for (const kind of OTHER_LINK_KINDS) lines = setLine(lines, new RegExp(`^${kind}\\s*:`), renderedKey(kind), closing, nl);
  return lines.join('') + preamble.slice(fm.end);
}

/** Sets `Key: value` on the first line naming the key (bullet or bare), keeping its prefix; inserts a bullet when no line names it. */
function setValue(lines: string[], keys: string, value: string | null, label: string, marker: string, insertAt: () => number, nl: string): string[] {
  const match = new RegExp(`^(\\s*(?:[*-]\\s+)?(?:${keys})\\s*:\\s*)(.*?)(\\r?\\n)?$`, 'i');
  const i = lines.findIndex((l) => match.test(l));
  const out = [...lines];
  if (i >= 0) {
    const m = match.exec(out[i])!;
    if (value === null) out.splice(i, 1);
    else out[i] = `${m[1]}${value}${m[3] ?? ''}`;
  } else if (value !== null) {
    out.splice(insertAt(), 0, `${marker} ${label}: ${value}${nl}`);
  }
  return out;
}

function patchBullets(preamble: string, meta: AdrMeta, changed: Set<Field>): string {
  const nl = eol(preamble);
  let lines = linesOf(preamble);
  const marker = /^\s*([*-])\s+\w[\w -]*:/m.exec(preamble)?.[1] ?? '-';
  const afterBullets = () => {
    let last = -1;
    lines.forEach((l, i) => {
      if (/^\s*[*-]\s+\S/.test(l) || /^status\s*:/i.test(l)) last = i;
    });
    if (last >= 0) return last + 1;
    const title = lines.findIndex((l) => TITLE.test(l));
    if (title < 0) return 0;
    return title + 1 < lines.length && lines[title + 1].trim() === '' ? title + 2 : title + 1;
  };
  const list = (names: string[]) => names.join(', ') || null;
  if (changed.has('status')) lines = setValue(lines, 'status', statusValue(meta) || null, 'Status', marker, afterBullets, nl);
  if (changed.has('date')) lines = setValue(lines, 'date', meta.date, 'Date', marker, afterBullets, nl);
  if (changed.has('decisionMakers')) lines = setValue(lines, 'deciders|decision-makers', list(meta.decisionMakers), 'Deciders', marker, afterBullets, nl);
  if (changed.has('consulted')) lines = setValue(lines, 'consulted', list(meta.consulted), 'Consulted', marker, afterBullets, nl);
  if (changed.has('informed')) lines = setValue(lines, 'informed', list(meta.informed), 'Informed', marker, afterBullets, nl);
  if (changed.has('links')) {
    const at = lines.findIndex((l) => LINK_BULLET.test(l));
    lines = lines.filter((l) => !LINK_BULLET.test(l));
    const added = meta.links.filter((l) => l.kind !== 'superseded-by').map((l) => `${marker} ${linkWords(l.kind)} ${linkMarkdown(l)}${nl}`);
    lines.splice(at >= 0 ? at : afterBullets(), 0, ...added);
  }
  return lines.join('');
}

function patchNygardPreamble(preamble: string, meta: AdrMeta, changed: Set<Field>): string {
  if (!changed.has('date')) return preamble;
  const nl = eol(preamble);
  const lines = linesOf(preamble);
  if (lines.some((l) => /^date\s*:/i.test(l))) return setValue(lines, 'date', meta.date, 'Date', '', () => 0, nl).join('');
  if (!meta.date) return preamble;
  const title = lines.findIndex((l) => TITLE.test(l));
  lines.splice(title + 1, 0, `${nl}Date: ${meta.date}${nl}`);
  return lines.join('');
}

/**
 * The record's text in its own format. An untouched record gives back exactly what was read;
 * an edited one keeps every byte it did not change and rewrites only the lines of the fields
 * that changed (the status line, the `Date:` line, a front matter key, the adr-tools Status section).
 * A record without a source, or exported into another format, is rendered fresh.
 */
export function serializeAdr(record: AdrRecord, format: AdrFormat = record.format): string {
  if (!record.source || format !== record.format) return renderAdr(record, record.sections, format === 'plain' ? 'log4brains' : format);
  const original = joinSections(record.preamble, record.sections);
  if (sameMeta(record, record.source.meta)) return original;
  const changed = changedFields(record.source.meta, record);
  let preamble = record.preamble;
  let sections = record.sections;
  if (record.layout === 'front-matter') preamble = patchFrontMatter(preamble, record, changed);
  else if (record.layout === 'bullets' || record.layout === 'none') preamble = patchBullets(preamble, record, changed);
  else preamble = patchNygardPreamble(preamble, record, changed);
  if (changed.has('title')) {
    const lines = linesOf(preamble);
    const i = lines.findIndex((l) => TITLE.test(l));
    const nl = eol(preamble);
    if (i >= 0) lines[i] = titleLine(record, record.layout) + (lines[i].endsWith('\n') ? nl : '');
    preamble = lines.join('');
  }
  if (record.layout === 'nygard' && (changed.has('status') || changed.has('links'))) {
    sections = sections.map((s) => {
      if (s.heading.trim().toLowerCase() !== 'status') return s;
      const lead = /^\s*/.exec(s.body)?.[0] ?? '\n';
      const trail = /\s*$/.exec(s.body)?.[0] ?? '\n';
      const nl = eol(s.body || '\n');
      return { ...s, body: `${lead}${nygardStatusLines(record).join(nl + nl)}${trail}` };
    });
  }
  return joinSections(preamble, sections);
}

/** Changes a link list: sets (kind, target) with `label`, keeping the others in order. */
export function withLink(links: AdrLink[], link: AdrLink): AdrLink[] {
  return links.some((l) => l.kind === link.kind && l.target === link.target) ? links : [...links, link];
}
