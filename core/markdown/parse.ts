import type { Heading, RootContent } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { detectFormat, type HeadingInfo } from '../formats/detect.js';
import type { DeltaOp, ParseDiagnostic, SpecDocument, SpecMeta, SpecSection } from '../spec/model.js';
import { getTemplate, type TemplateId } from '../templates/index.js';
import { disambiguateDerivedIds } from './derived-ids.js';
import { matchSection } from './heading-match.js';
import { extractItems } from './items.js';
import { LineIndex, detectEol, endOfLine, startOfLine } from './lines.js';
import { extractRows } from './table.js';
import { endOffset, parseTree, plainText, startOffset } from './tree.js';

export interface ParseOptions {
  /** A format name (`six-part`, `speckit`, `kiro`, `openspec`, …) or template id that overrides detection. */
  format?: string;
}

const DELTA_KEYS: Record<string, DeltaOp> = { added: 'added', modified: 'modified', removed: 'removed', renamed: 'renamed' };

/**
 * Parses a Markdown spec into sections by H2 heading. Sections are slices of the source at
 * the offsets remark reports, never regenerated text, so `serializeSpec` returns the input
 * byte for byte. The format (six-part, spec-kit, Kiro, OpenSpec…) is detected from the
 * headings and front matter unless `options.format` names it.
 */
export function parseSpec(source: string, options: ParseOptions = {}): SpecDocument {
  const tree = parseTree(source);
  const lines = new LineIndex(source);
  const diagnostics: ParseDiagnostic[] = [];

  let frontMatter: Record<string, unknown> | null = null;
  let h1: Heading | undefined;
  const h2: Heading[] = [];
  const headings: HeadingInfo[] = [];
  for (const node of tree.children) {
    if (node.type === 'yaml') frontMatter = readFrontMatter(node.value);
    else if (node.type === 'heading') {
      if (node.depth === 1 && !h1 && h2.length === 0) h1 = node;
      else if (node.depth === 2) h2.push(node);
      if (node.depth <= 4) headings.push({ depth: node.depth, text: plainText(node).trim() });
    }
  }

  const headingTexts = h2.map((h) => plainText(h).trim());
  const format = detectFormat(headings, frontMatter, options.format);
  const templateId = format.template;
  const shapes = new Set<TemplateId>();
  const meta = readMeta(frontMatter, h1);

  // Section boundaries: each H2 line start; the document end closes the last one.
  const bounds = h2.map((h) => startOfLine(source, startOffset(h)));
  const sections: SpecSection[] = [];
  let preambleEnd = bounds[0] ?? source.length;
  if (h2.length === 0) {
    // No H2: everything after the front matter and title is one editable, unknown section.
    const afterTitle = h1 ? endOfLine(source, endOffset(h1)) : frontMatterEnd(tree.children, source);
    const body = source.slice(afterTitle);
    if (body.trim()) {
      preambleEnd = afterTitle;
      sections.push(makeSection(source, lines, null, null, afterTitle, afterTitle, source.length, tree.children, shapes));
      diagnostics.push({
        code: 'no-sections',
        severity: 'info',
        message: 'This document has no "##" section headings; its text is kept as one section you can map to a template section.',
        lines: [lines.line(afterTitle)],
      });
    }
  }

  const seen = new Map<string, number>();
  h2.forEach((heading, i) => {
    const start = bounds[i];
    const end = bounds[i + 1] ?? source.length;
    const bodyStart = endOfLine(source, endOffset(heading));
    const text = headingTexts[i];
    const key = matchSection(templateId, text);
    const nodes = tree.children.filter((n) => startOffset(n) >= bodyStart && startOffset(n) < end);
    const section = makeSection(source, lines, key, text, start, bodyStart, end, nodes, shapes);
    if (key !== null) {
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        section.duplicateOf = earlier;
        diagnostics.push({
          code: 'duplicate-section',
          severity: 'warning',
          message: `"${text}" repeats the section "${sections[earlier].heading}"; both are kept.`,
          lines: [lines.line(sections[earlier].start), lines.line(start)],
        });
      } else {
        seen.set(key, sections.length);
      }
    }
    sections.push(section);
  });

  diagnostics.push(...disambiguateDerivedIds(sections));
  diagnostics.push(...duplicateIds(sections));

  return {
    source,
    eol: detectEol(source),
    meta,
    frontMatter,
    template: templateId,
    formatSource: format.source,
    mixedFormats: mixedWith(templateId, shapes),
    preamble: source.slice(0, preambleEnd),
    sections,
    diagnostics,
  };
}

function makeSection(
  source: string,
  lines: LineIndex,
  key: string | null,
  heading: string | null,
  start: number,
  bodyStart: number,
  end: number,
  nodes: RootContent[],
  shapes: Set<TemplateId>,
): SpecSection {
  const section: SpecSection = {
    key,
    heading,
    headingRaw: source.slice(start, bodyStart),
    body: source.slice(bodyStart, end),
    start,
    bodyStart,
    bodyLine: lines.line(bodyStart),
    items: extractItems(nodes, { source, bodyStart, lines, sectionKey: key, delta: key ? DELTA_KEYS[key] : undefined, shapes }),
  };
  const table = nodes.find((n) => n.type === 'table');
  if (table && table.type === 'table') section.rows = extractRows(table, source, bodyStart, lines);
  return section;
}

/** Item shapes from another format than the document's own: a delta holds OpenSpec shapes by design. */
function mixedWith(template: TemplateId, shapes: Set<TemplateId>): TemplateId[] {
  const own = template === 'openspec-delta' ? 'openspec' : template;
  return [...shapes].filter((s) => s !== own).sort();
}

function readFrontMatter(value: string): Record<string, unknown> | null {
  try {
    const data: unknown = parseYaml(value);
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function readMeta(frontMatter: Record<string, unknown> | null, h1: Heading | undefined): SpecMeta {
  const text = (v: unknown): string | undefined =>
    typeof v === 'string' && v.trim() ? v.trim() : v instanceof Date ? v.toISOString().slice(0, 10) : undefined;
  const meta: SpecMeta = {
    title: text(frontMatter?.title) ?? (h1 ? plainText(h1).trim() : '') ?? '',
  };
  if (!meta.title) meta.title = 'Untitled spec';
  const author = text(frontMatter?.author);
  const status = text(frontMatter?.status);
  const date = text(frontMatter?.date);
  if (author) meta.author = author;
  if (status) meta.status = status;
  if (date) meta.date = date;
  return meta;
}

function frontMatterEnd(nodes: RootContent[], source: string): number {
  const yaml = nodes.find((n) => n.type === 'yaml');
  return yaml ? endOfLine(source, endOffset(yaml)) : 0;
}

function duplicateIds(sections: SpecSection[]): ParseDiagnostic[] {
  const byId = new Map<string, number[]>();
  for (const section of sections) {
    for (const item of section.items) if (!item.derived) byId.set(item.id, [...(byId.get(item.id) ?? []), item.line]);
  }
  return [...byId]
    .filter(([, at]) => at.length > 1)
    .map(([id, at]) => ({
      code: 'duplicate-id' as const,
      severity: 'warning' as const,
      message: `${id} is used ${at.length} times (lines ${at.join(' and ')}); both are kept.`,
      lines: at,
    }));
}

/** The template's title for a section key, for panes of sections the document lacks. */
export function sectionTitle(doc: SpecDocument, key: string): string {
  return getTemplate(doc.template).sections.find((s) => s.key === key)?.title ?? key;
}
