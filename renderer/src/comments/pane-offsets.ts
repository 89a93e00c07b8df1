import { useWorkbench } from '../state/store.js';

/** A range of one pane's text. */
export interface PaneRange {
  paneId: string;
  start: number;
  end: number;
}

/**
 * Panes edit section bodies; the host places comments in the whole document. These map between
 * the two through the last parse (callers `sync()` first so it matches the editors).
 */
export function toDocumentRange(range: PaneRange): { start: number; end: number } | null {
  const { panes, doc, view } = useWorkbench.getState();
  if (view === 'document') return { start: range.start, end: range.end };
  const pane = panes.find((p) => p.id === range.paneId);
  const section = pane?.sectionIndex == null ? undefined : doc.sections[pane.sectionIndex];
  return section ? { start: section.bodyStart + range.start, end: section.bodyStart + range.end } : null;
}

export function toPaneRange(start: number, end: number): PaneRange | null {
  const { panes, doc } = useWorkbench.getState();
  for (const pane of panes) {
    const section = pane.sectionIndex === null ? undefined : doc.sections[pane.sectionIndex];
    if (section && section.bodyStart <= start && end <= section.bodyStart + section.body.length) {
      return { paneId: pane.id, start: start - section.bodyStart, end: end - section.bodyStart };
    }
  }
  return null;
}
