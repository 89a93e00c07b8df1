import type * as Monaco from 'monaco-editor/editor/editor.api';
import { findSection } from '../../../core/review/anchor.js';
import { hunkEdit, type LineChange } from '../../../core/review/draft-hunks.js';
import { useWorkbench } from '../state/store.js';
import { ensureEditor, replaceInEditor, replaceRangeInEditor } from './pane-edit.js';

const store = () => useWorkbench.getState();

/** The pane a draft pass's proposal is for and its current text ('' for a template section not written yet). */
export function draftTarget(sectionKey: string): { paneId: string; body: string; eol: '\n' | '\r\n' } | null {
  store().sync();
  const s = store();
  const found = findSection(s.doc, sectionKey);
  const pane = found ? s.panes.find((p) => p.sectionIndex === found.index) : s.panes.find((p) => p.key === sectionKey && p.sectionIndex === null);
  return pane ? { paneId: pane.id, body: s.bodies[pane.id] ?? '', eol: s.doc.eol } : null;
}

/** Accept all: the section body becomes the proposal, as one edit. */
export async function acceptWholeProposal(paneId: string, body: string): Promise<void> {
  const editor = await ensureEditor(paneId);
  replaceInEditor(editor, 0, editor.getModel()!.getValueLength(), body);
}

/** Accepts one hunk of the diff (core's `hunkEdit`) as one undoable edit in the section's pane. */
export async function acceptHunk(paneId: string, change: LineChange, modified: Monaco.editor.ITextModel): Promise<void> {
  const editor = await ensureEditor(paneId);
  const model = editor.getModel()!;
  const edit = hunkEdit(change, model.getLinesContent(), modified.getLinesContent(), model.getEOL());
  replaceRangeInEditor(editor, edit.range, edit.text);
}
