import type { SpecSection } from '../../../core/spec/model.js';

const LABELS = { fr: 'FR', nfr: 'NFR', ac: 'AC' } as const;

/** "8 FR", "10 AC", "8 rows": what a section holds, for pane headers and the outline. */
export function countSectionItems(section: SpecSection): string {
  const parts: string[] = [];
  for (const kind of ['fr', 'nfr', 'ac'] as const) {
    const n = section.items.filter((i) => i.kind === kind).length;
    if (n) parts.push(`${n} ${LABELS[kind]}`);
  }
  if (section.rows) parts.push(`${section.rows.length} ${section.rows.length === 1 ? 'row' : 'rows'}`);
  return parts.join(' · ');
}
