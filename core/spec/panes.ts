import { getTemplate } from '../templates/index.js';
import type { SpecDocument } from './model.js';

/** One editor pane of the workbench: a section of the document, or a template section it lacks. */
export interface Pane {
  /** Stable across edits: the template key, or heading + occurrence for other sections. */
  id: string;
  title: string;
  key: string | null;
  /** Index into `doc.sections`, or null while the template section is not in the document. */
  sectionIndex: number | null;
  duplicate: boolean;
  unknown: boolean;
  /** What to write here, shown while the pane is empty. */
  hint: string;
}

/**
 * Panes in document order, with every template section the document lacks placed where the
 * template puts it, so a draft missing "Edge Cases" still shows an empty pane to fill.
 */
export function buildPanes(doc: SpecDocument): Pane[] {
  const template = getTemplate(doc.template);
  const rankOf = (key: string | null) => (key === null ? -1 : template.sections.findIndex((s) => s.key === key));
  const occurrences = new Map<string, number>();
  const panes: Pane[] = doc.sections.map((section, index) => {
    const templateSection = template.sections.find((s) => s.key === section.key);
    const duplicate = section.duplicateOf !== undefined;
    let id = section.key ?? '';
    if (!section.key || duplicate) {
      const base = `section:${(section.heading ?? 'untitled').toLowerCase()}`;
      const n = (occurrences.get(base) ?? 0) + 1;
      occurrences.set(base, n);
      id = `${base}:${n}`;
    }
    return {
      id,
      title: section.heading ?? 'Untitled section',
      key: section.key,
      sectionIndex: index,
      duplicate,
      unknown: section.key === null,
      hint: templateSection?.hint ?? '',
    };
  });
  for (const [rank, templateSection] of template.sections.entries()) {
    if (panes.some((p) => p.key === templateSection.key)) continue;
    let at = 0;
    panes.forEach((p, i) => {
      const r = rankOf(p.key);
      if (r !== -1 && r < rank) at = i + 1;
    });
    panes.splice(at, 0, {
      id: templateSection.key,
      title: templateSection.title,
      key: templateSection.key,
      sectionIndex: null,
      duplicate: false,
      unknown: false,
      hint: templateSection.hint,
    });
  }
  return panes;
}

export function samePaneLayout(a: readonly Pane[], b: readonly Pane[]): boolean {
  return a.length === b.length && a.every((p, i) => p.id === b[i].id && p.title === b[i].title);
}
