import type * as Monaco from 'monaco-editor/editor/editor.api';
import { announce } from '../events/app-events.js';
import { editorFor, onEditorsChanged } from '../monaco/editor-registry.js';
import { useWorkbench, type WorkbenchState } from '../state/store.js';

const ICONS: Record<string, string> = { passed: '✓', failed: '✗', undefined: '?', ambiguous: '≈', error: '!', skipped: '–' };
const idsByModel = new Map<string, string[]>();

/** Each criterion's newest status: streamed ones while a run is going, the returned result after. */
function statusesOf(state: WorkbenchState): Map<string, { status: string; message?: string }> {
  const statuses = new Map<string, { status: string; message?: string }>();
  for (const r of state.validation.result?.run.results ?? []) statuses.set(r.id, { status: r.status, message: r.message });
  if (state.validation.running) for (const [id, status] of Object.entries(state.validation.live)) statuses.set(id, { status });
  return statuses;
}

/** Puts a status icon in the glyph margin beside each validated criterion, in its own lane beside the lint badge. */
function apply(monaco: typeof Monaco): void {
  const state = useWorkbench.getState();
  const statuses = statusesOf(state);
  let count = 0;
  let hints = 0;
  for (const pane of state.panes) {
    const editor = editorFor(pane.id);
    const model = editor?.getModel();
    if (!editor || !model) continue;
    const items = state.lint && pane.sectionIndex !== null ? state.lint.items.filter((i) => i.section === pane.sectionIndex && i.kind === 'ac') : [];
    const decorations = items.flatMap((item) => {
      const found = statuses.get(item.id);
      if (!found) return [];
      const line = model.getPositionAt(Math.min(item.start, model.getValueLength())).lineNumber;
      return [
        {
          range: { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: 1 },
          options: {
            glyphMargin: { position: monaco.editor.GlyphMarginLane.Right },
            glyphMarginClassName: `validate-glyph validate-${found.status}`,
            glyphMarginHoverMessage: { value: `${item.id} ${ICONS[found.status] ?? ''} ${found.status}${found.message ? `: ${found.message}` : ''}` },
          },
        },
      ];
    });
    count += decorations.length;
    const markers = undefinedHints(monaco, model, items, state);
    hints += markers.length;
    monaco.editor.setModelMarkers(model, 'specbench-validate', markers);
    const key = model.uri.toString();
    idsByModel.set(key, editor.deltaDecorations(idsByModel.get(key) ?? [], decorations));
  }
  // Monaco renders only the lines in view, so outside observers read the count placed, not the DOM.
  document.body.dataset.validateDecorated = String(count);
  document.body.dataset.validateHints = String(hints);
  announce('specbench:validate-decorated', { count });
}

/** FR-7: an undefined step is a hint at its own words, naming the nearest library phrases. */
function undefinedHints(monaco: typeof Monaco, model: Monaco.editor.ITextModel, items: { id: string; text: string; start: number }[], state: WorkbenchState): Monaco.editor.IMarkerData[] {
  const results = state.validation.result?.run.results ?? [];
  return items.flatMap((item) =>
    (results.find((r) => r.id === item.id)?.undefinedSteps ?? []).flatMap((u) => {
      const at = item.text.toLowerCase().indexOf(u.text.toLowerCase());
      if (at < 0) return [];
      const a = model.getPositionAt(item.start + at);
      const b = model.getPositionAt(item.start + at + u.text.length);
      const message = `Validate: no step matches "${u.text}". Nearest: ${u.nearest.map((n) => n.expression).join(' · ')}`;
      return [{ startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn: b.column, severity: monaco.MarkerSeverity.Info, message, source: 'specbench-validate' }];
    }),
  );
}

/** Re-applies the icons on every validation change, lint report (item offsets move) and editor mount. */
export function startValidateDecorations(monaco: typeof Monaco): void {
  useWorkbench.subscribe((state, previous) => {
    if (state.validation !== previous.validation || state.lint !== previous.lint) apply(monaco);
  });
  onEditorsChanged(() => apply(monaco));
}
