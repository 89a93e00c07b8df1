import { parseSpec } from '../../markdown/parse.js';
import type { SpecDocument, SpecItem } from '../../spec/model.js';
import { canonicalSpec } from './canonical.js';
import { writeKiro, writeOpenspec, writeSixPart, writeSpeckit, type TargetFormat } from './writers.js';

export type { TargetFormat } from './writers.js';
export const targetFormats: readonly TargetFormat[] = ['six-part', 'speckit', 'kiro', 'openspec'];

/** Something the target format could not hold as it was, in words: never dropped silently. */
export interface ConvertNote {
  kind: 'renamed' | 'extra-section' | 'dropped' | 'lost';
  message: string;
}

export interface ConvertResult {
  markdown: string;
  notes: ConvertNote[];
}

/** A conversion that cannot be done (an OpenSpec change delta has nothing to apply to). */
export class ConvertRefused extends Error {}

const WRITERS: Record<TargetFormat, typeof writeKiro> = { 'six-part': writeSixPart, speckit: writeSpeckit, kiro: writeKiro, openspec: writeOpenspec };
const TARGET_TEMPLATE: Record<TargetFormat, string> = { 'six-part': 'agent-ready', speckit: 'speckit', kiro: 'kiro-requirements', openspec: 'openspec' };

/** Group names that are the format's own structure, not the author's grouping. */
const STRUCTURAL_GROUP = /^(?:Requirement\b|Scenario:|User Story\b|Primary User Story\b|Acceptance (?:Criteria|Scenarios)\b|Criteria for\b)/i;

const norm = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean).join('\n');

/**
 * Converts a parsed spec to another format (FR-4 of issue 11), mapping items by kind and
 * keeping native ids. The result is parsed back and compared item by item, so every id that
 * changed, every section kept outside the format and any text that did not arrive is listed.
 */
export function convertSpec(doc: SpecDocument, target: TargetFormat): ConvertResult {
  if (doc.template === 'openspec-delta') {
    throw new ConvertRefused('this is an OpenSpec change delta (ADDED/MODIFIED/REMOVED/RENAMED Requirements): it changes a spec that is not here, so it cannot be converted on its own; apply it to its capability spec first');
  }
  const spec = canonicalSpec(doc);
  const markdown = WRITERS[target](spec);
  const notes: ConvertNote[] = spec.dropped.map((message) => ({ kind: 'dropped' as const, message: `not carried over: ${message}` }));
  const out = parseSpec(markdown, { format: TARGET_TEMPLATE[target] });

  const produced = new Map<string, SpecItem[]>();
  for (const item of out.sections.flatMap((s) => s.items)) {
    const key = norm(item.text);
    produced.set(key, [...(produced.get(key) ?? []), item]);
  }
  for (const item of doc.sections.flatMap((s) => s.items)) {
    const match = produced.get(norm(item.text))?.shift();
    if (!match) notes.push({ kind: 'lost', message: `${item.id} did not survive the conversion: "${item.text.slice(0, 60)}"` });
    else if (match.id !== item.id) notes.push({ kind: 'renamed', message: `${item.id} is ${match.id} in ${target} (the format derives or numbers ids its own way)` });
  }
  for (const section of out.sections) {
    if (section.key === null && section.heading) notes.push({ kind: 'extra-section', message: `"${section.heading}" has no place in ${target}; it is kept as an extra section` });
  }
  if (target === 'kiro' || target === 'openspec') {
    const groups = new Set(
      doc.sections.flatMap((sec) => sec.items.filter((i) => i.kind === 'ac' && i.group && !STRUCTURAL_GROUP.test(i.group)).map((i) => i.group!)),
    );
    if (groups.size > 0) notes.push({ kind: 'dropped', message: `criteria groups (${[...groups].join(', ')}) have no place in ${target}; their criteria are kept, ungrouped` });
  }
  return { markdown, notes };
}
