import type * as Monaco from 'monaco-editor/editor/editor.api';
import { parseSpec } from '../../../core/markdown/parse.js';
import { changedRange } from '../../../core/review/text-change.js';
import { buildPanes, samePaneLayout } from '../../../core/spec/panes.js';
import { editorFor, onEditorsChanged } from '../monaco/editor-registry.js';
import { useWorkbench } from '../state/store.js';

type Editor = Monaco.editor.IStandaloneCodeEditor;

const EDIT_SOURCE = 'specbench-review';
const store = () => useWorkbench.getState();

/** The pane's editor, expanding a collapsed pane first and waiting for it to mount. */
export async function ensureEditor(paneId: string, timeoutMs = 5000): Promise<Editor> {
  const ready = editorFor(paneId);
  if (ready?.getModel()) return ready;
  if (store().collapsed[paneId]) store().toggleCollapsed(paneId);
  return new Promise<Editor>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`the editor of "${paneId}" did not open`));
    }, timeoutMs);
    const stop = onEditorsChanged(() => {
      const editor = editorFor(paneId);
      if (!editor?.getModel()) return;
      clearTimeout(timer);
      stop();
      resolve(editor);
    });
  });
}

/** Offsets of the pane text as a Monaco range. */
export function rangeOf(model: Monaco.editor.ITextModel, start: number, end: number): Monaco.IRange {
  const length = model.getValueLength();
  const a = model.getPositionAt(Math.max(0, Math.min(start, length)));
  const b = model.getPositionAt(Math.max(0, Math.min(end, length)));
  return { startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn: b.column };
}

/** Replaces [start, end) of the pane text with `text` as one undoable edit; the store picks it up through the editor's onChange. */
export function replaceInEditor(editor: Editor, start: number, end: number, text: string): void {
  const model = editor.getModel();
  if (!model) throw new Error('the editor has no text model');
  editor.pushUndoStop();
  editor.executeEdits(EDIT_SOURCE, [{ range: rangeOf(model, start, end), text, forceMoveMarkers: true }]);
  editor.pushUndoStop();
}

/** Replaces a whole range of lines; used for diff hunks. */
export function replaceRangeInEditor(editor: Editor, range: Monaco.IRange, text: string): void {
  editor.pushUndoStop();
  editor.executeEdits(EDIT_SOURCE, [{ range, text, forceMoveMarkers: true }]);
  editor.pushUndoStop();
}

/**
 * Puts new Markdown for the whole spec into the editor. When only section bodies changed,
 * each changed pane gets one edit (undoable with Ctrl+Z); when sections were added or the
 * whole-document view is open, the text is loaded as an unsaved change instead.
 */
export async function replaceDocumentText(markdown: string): Promise<'edited' | 'loaded'> {
  store().sync();
  const s = store();
  if (s.view === 'sections') {
    const next = parseSpec(markdown);
    const sameFrame =
      samePaneLayout(s.panes, buildPanes(next)) &&
      next.preamble === s.doc.preamble &&
      next.sections.length === s.doc.sections.length &&
      next.sections.every((sec, i) => sec.headingRaw === s.doc.sections[i].headingRaw);
    if (sameFrame) {
      for (const pane of s.panes) {
        if (pane.sectionIndex === null) continue;
        const change = changedRange(s.bodies[pane.id] ?? '', next.sections[pane.sectionIndex].body);
        if (!change) continue;
        replaceInEditor(await ensureEditor(pane.id), change.start, change.end, change.text);
      }
      store().sync();
      if (store().currentText() === markdown) return 'edited';
    }
  }
  const now = store();
  now.load({ path: now.file.path, name: now.file.name, bom: now.file.bom, content: markdown }, { library: now.library, savedText: now.savedText });
  return 'loaded';
}
