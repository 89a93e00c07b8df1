import { parse as parseYaml } from 'yaml';
import { dateFromFileName, isLog4brainsName, numberFromFileName, titleFromCamelCase } from './file-name.js';
import { dedupeLinks, readLinks } from './links.js';
import { metaOf, normalizeStatus, type AdrFormat, type AdrLayout, type AdrLink, type AdrRecord } from './model.js';
import { frontMatterOf, linesOf, splitSections } from './split.js';

const BULLET = /^\s*[*-]\s+(status|date|deciders|decision-makers|consulted|informed)\s*:\s*(.*?)\s*$/i;
const LINK_BULLET = /^\s*[*-]\s+(supersedes|superseded by|amends|amended by)\b/i;
const NYGARD_TITLE = /^#\s+(\d+)\.\s+(.*?)\s*$/;
const TITLE = /^#\s+(.*?)\s*#*\s*$/;
const DATE_LINE = /^date:\s*(.*?)\s*$/i;
const STATUS_LINE = /^status:\s*(.*?)\s*$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A comma list or a YAML list as names. */
function people(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
  if (typeof value === 'string') return value.split(/\s*[,;]\s*/).map((v) => v.trim()).filter(Boolean);
  return [];
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

/**
 * Reads one ADR file in any layout real logs use — MADR 2–4 with or without front matter,
 * adr-tools (Nygard), log4brains, or a bare `CamelCase.md` note — keeping the exact text so an
 * untouched record serializes byte-identical. What cannot be mapped is listed in `unmapped`.
 */
export function parseAdr(fileName: string, source: string): AdrRecord {
  const unmapped: string[] = [];
  const { preamble, sections } = splitSections(source);
  const fm = frontMatterOf(source);
  let fields: Record<string, unknown> = {};
  if (fm) {
    try {
      const parsed: unknown = parseYaml(fm.yaml);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) fields = parsed as Record<string, unknown>;
      else unmapped.push('front matter is not a key: value map; kept as text');
    } catch (error) {
      unmapped.push(`front matter could not be read (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); kept as text`);
    }
  }

  let number = numberFromFileName(fileName);
  let title = '';
  let rawStatus: string | null = null;
  let date: string | null = null;
  let decisionMakers: string[] = [];
  let consulted: string[] = [];
  let informed: string[] = [];
  let links: AdrLink[] = [];
  let bullets = false;
  let dateLine = false;

  const bodyLines = linesOf(fm ? preamble.slice(fm.end) : preamble).map((l) => l.replace(/\r?\n$/, ''));
  for (const line of bodyLines) {
    if (!title) {
      const nygard = NYGARD_TITLE.exec(line);
      if (nygard) {
        title = nygard[2];
        if (number !== null && number !== Number(nygard[1])) unmapped.push(`title number ${nygard[1]} differs from the file name's ${number}; kept the file name's`);
        number ??= Number(nygard[1]);
        continue;
      }
      const plain = TITLE.exec(line);
      if (plain) {
        title = plain[1];
        continue;
      }
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      bullets = true;
      const key = bullet[1].toLowerCase();
      const value = bullet[2];
      if (key === 'status') rawStatus = value;
      else if (key === 'date') date = value;
      else if (key === 'deciders' || key === 'decision-makers') decisionMakers = people(value);
      else if (key === 'consulted') consulted = people(value);
      else informed = people(value);
      links.push(...readLinks(value));
      continue;
    }
    if (LINK_BULLET.test(line)) {
      links.push(...readLinks(line));
      continue;
    }
    const s = STATUS_LINE.exec(line);
    if (s && !fm) {
      rawStatus ??= s[1];
      links.push(...readLinks(s[1]));
      continue;
    }
    const d = DATE_LINE.exec(line);
    if (d && !fm) {
      date = d[1];
      dateLine = true;
    }
  }

  if (fm) {
    const status = text(fields.status);
    if (status !== null) rawStatus = status;
    const fmDate = text(fields.date);
    if (fmDate !== null) date = fmDate;
    if ('decision-makers' in fields || 'deciders' in fields) decisionMakers = people(fields['decision-makers'] ?? fields.deciders);
    if ('consulted' in fields) consulted = people(fields.consulted);
    if ('informed' in fields) informed = people(fields.informed);
    if (status) links.push(...readLinks(status));
    for (const key of ['supersedes', 'amends', 'amended-by', 'superseded-by'] as const) {
      const value = fields[key];
      const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
      for (const v of values) {
        const words = key.replace('-', ' ');
        const found = readLinks(`${words} ${String(v)}`);
        if (!found.length) unmapped.push(`front matter ${key}: "${String(v)}" is not a [label](file.md) link; kept as text`);
        links.push(...found);
      }
    }
  }

  const statusSection = sections.find((s) => s.heading.trim().toLowerCase() === 'status');
  const nygard = !fm && !bullets && statusSection !== undefined;
  if (nygard && statusSection) {
    for (const raw of statusSection.body.split(/\r?\n/)) {
      const line = raw.trim();
      if (!line) continue;
      const found = readLinks(line);
      if (found.length) links.push(...found);
      else rawStatus ??= line;
    }
  }
  const linkSection = sections.find((s) => s.heading.trim().toLowerCase() === 'links');
  if (linkSection) links.push(...readLinks(linkSection.body));
  links = dedupeLinks(links);

  let status = '';
  if (rawStatus !== null) {
    const normalized = normalizeStatus(rawStatus);
    if (normalized) status = normalized;
    else {
      status = rawStatus.toLowerCase();
      unmapped.push(`status "${rawStatus}" is not one of proposed, accepted, rejected, deprecated, superseded; kept as written`);
    }
  } else if (links.some((l) => l.kind === 'superseded-by')) {
    status = 'superseded';
  } else {
    unmapped.push('no status found');
  }

  if (date === null && isLog4brainsName(fileName)) date = dateFromFileName(fileName);
  if (date !== null && !ISO_DATE.test(date)) unmapped.push(`date "${date}" is not YYYY-MM-DD; kept as written`);

  const numbered = numberFromFileName(fileName) !== null;
  const format: AdrFormat = fm ? 'madr' : nygard || dateLine ? 'nygard' : bullets ? (isLog4brainsName(fileName) ? 'log4brains' : 'madr') : numbered ? 'madr' : 'plain';
  const layout: AdrLayout = fm ? 'front-matter' : nygard ? 'nygard' : bullets ? 'bullets' : 'none';
  if (!title) {
    title = format === 'plain' ? titleFromCamelCase(fileName) : '';
    if (!title) unmapped.push('no "# Title" heading');
  }

  const record: AdrRecord = {
    fileName,
    format,
    layout,
    number,
    title,
    status,
    date,
    decisionMakers,
    consulted,
    informed,
    links,
    preamble,
    sections,
    source: null,
    unmapped,
  };
  record.source = { text: source, meta: metaOf(record) };
  return record;
}
