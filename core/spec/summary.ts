import { getTemplate } from '../templates/index.js';
import type { CanonicalKind, DeltaOp, EdgeCaseRow, ItemStyle, SpecDocument, SpecItem } from './model.js';

/** One item as `parse --format json` lists it (FR-2 of issue 11). */
export interface ItemSummary {
  id: string;
  kind: CanonicalKind;
  /** The requirement (or user story) it belongs to. */
  parent?: string;
  style: ItemStyle;
  /** True when the id was derived from the item's place rather than written. */
  derived?: boolean;
  /** What an OpenSpec delta does to it. */
  delta?: DeltaOp;
  label?: string;
  group?: string;
  text: string;
}

/** The `specbench parse --format json` shape: stable, documented, free of offsets. */
export interface ParseSummary {
  title: string;
  template: string;
  /** The format's short name (`six-part`, `speckit`, `kiro`, `openspec`, …) and how it was chosen. */
  format: string;
  formatSource: SpecDocument['formatSource'];
  /** Formats whose item shapes also appear in the document. */
  mixedFormats: string[];
  sections: Array<{
    key: string;
    heading: string;
    items: ItemSummary[];
    rows?: Array<Pick<EdgeCaseRow, 'scenario' | 'status' | 'body' | 'sideEffect' | 'cells'>>;
  }>;
  unknownSections: Array<{ heading: string | null; items: ItemSummary[] }>;
  diagnostics: SpecDocument['diagnostics'];
}

export function summarizeSpec(doc: SpecDocument): ParseSummary {
  const summary: ParseSummary = {
    title: doc.meta.title,
    template: doc.template,
    format: getTemplate(doc.template).format,
    formatSource: doc.formatSource,
    mixedFormats: doc.mixedFormats.map((t) => getTemplate(t).format),
    sections: [],
    unknownSections: [],
    diagnostics: doc.diagnostics,
  };
  for (const section of doc.sections) {
    const items = section.items.map(itemSummary);
    if (section.key === null) {
      summary.unknownSections.push({ heading: section.heading, items });
      continue;
    }
    summary.sections.push({
      key: section.key,
      heading: section.heading ?? '',
      items,
      ...(section.rows
        ? { rows: section.rows.map(({ scenario, status, body, sideEffect, cells }) => ({ scenario, status, body, sideEffect, cells })) }
        : {}),
    });
  }
  return summary;
}

/** The canonical kind of an item; items made before formats existed imply it from their lint kind. */
export function canonicalKind(item: SpecItem): CanonicalKind {
  return item.role ?? (item.kind === 'ac' ? 'criterion' : 'requirement');
}

function itemSummary(i: SpecItem): ItemSummary {
  return {
    id: i.id,
    kind: canonicalKind(i),
    ...(i.parent ? { parent: i.parent } : {}),
    style: i.style ?? 'plain',
    ...(i.derived ? { derived: true } : {}),
    ...(i.delta ? { delta: i.delta } : {}),
    ...(i.label ? { label: i.label } : {}),
    ...(i.group ? { group: i.group } : {}),
    text: i.text,
  };
}

/** Counts shown in the outline: items per kind and edge-case rows, over the known sections. */
export interface SpecCounts {
  fr: number;
  nfr: number;
  ac: number;
  rows: number;
}

export function countSpec(doc: SpecDocument): SpecCounts {
  const counts: SpecCounts = { fr: 0, nfr: 0, ac: 0, rows: 0 };
  const expected = new Map(getTemplate(doc.template).sections.map((s) => [s.key, s.itemKind]));
  for (const section of doc.sections) {
    if (section.key === null) continue;
    const kind = expected.get(section.key);
    for (const item of section.items) if (item.kind === kind) counts[item.kind]++;
    if (section.key === 'edgeCases') counts.rows += section.rows?.length ?? 0;
  }
  return counts;
}
