import type * as Monaco from 'monaco-editor/editor/editor.api';

type Editor = Monaco.editor.IStandaloneCodeEditor;
type Listener = () => void;

/**
 * The live editor of each pane, so features that decorate text (lint markers, review
 * findings) and jump to places can reach it without React re-rendering the pane.
 */
const editors = new Map<string, Editor>();
const listeners = new Set<Listener>();

let lastFocused: string | null = null;

export function registerEditor(paneId: string, editor: Editor): () => void {
  editors.set(paneId, editor);
  editor.onDidFocusEditorText(() => (lastFocused = paneId));
  listeners.forEach((l) => l());
  return () => {
    if (editors.get(paneId) === editor) editors.delete(paneId);
  };
}

export function editorFor(paneId: string): Editor | undefined {
  return editors.get(paneId);
}

/** Called whenever an editor (re)mounts: decorations must be re-applied to it. */
export function onEditorsChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Scrolls a pane into view and puts the cursor at an offset of its text. */
export function revealInPane(paneId: string, offset: number, length = 0): void {
  document.getElementById(`pane-${paneId}`)?.scrollIntoView({ block: 'start' });
  const editor = editors.get(paneId);
  const model = editor?.getModel();
  if (!editor || !model) return;
  const start = model.getPositionAt(offset);
  const end = model.getPositionAt(offset + length);
  editor.setSelection({ startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column });
  editor.revealRangeInCenter({ startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column });
  editor.focus();
}

/** The pane and caret (1-based, within the pane) the user last typed in. */
export function lastCursor(): { paneId: string; line: number; column: number } | null {
  const editor = lastFocused ? editors.get(lastFocused) : undefined;
  const position = editor?.getPosition();
  return lastFocused && position ? { paneId: lastFocused, line: position.lineNumber, column: position.column } : null;
}

/** The selection (offsets in its pane's text) of the pane the user last worked in; null when nothing is selected. */
export function lastSelection(): { paneId: string; start: number; end: number } | null {
  const editor = lastFocused ? editors.get(lastFocused) : undefined;
  const model = editor?.getModel();
  const selection = editor?.getSelection();
  if (!lastFocused || !model || !selection || selection.isEmpty()) return null;
  const start = model.getOffsetAt(selection.getStartPosition());
  const end = model.getOffsetAt(selection.getEndPosition());
  return { paneId: lastFocused, start, end };
}
