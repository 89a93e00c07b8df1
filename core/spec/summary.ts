import { getTemplate } from '../templates/index.js';
import type { EdgeCaseRow, SpecDocument } from './model.js';

/** The `specbench parse --format json` shape: stable, documented, free of offsets. */
export interface ParseSummary {
  title: string;
  template: string;
  sections: Array<{
    key: string;
    heading: string;
    items: Array<{ id: string; label?: string; group?: string; text: string }>;
    rows?: Array<Pick<EdgeCaseRow, 'scenario' | 'status' | 'body' | 'sideEffect' | 'cells'>>;
  }>;
  unknownSections: Array<{ heading: string | null; items: Array<{ id: string; text: string }> }>;
  diagnostics: SpecDocument['diagnostics'];
}

export function summarizeSpec(doc: SpecDocument): ParseSummary {
  const summary: ParseSummary = {
    title: doc.meta.title,
    template: doc.template,
    sections: [],
    unknownSections: [],
    diagnostics: doc.diagnostics,
  };
  for (const section of doc.sections) {
    const items = section.items.map((i) => ({
      id: i.id,
      ...(i.label ? { label: i.label } : {}),
      ...(i.group ? { group: i.group } : {}),
      text: i.text,
    }));
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
