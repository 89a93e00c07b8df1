import { announce } from '../events/app-events.js';
import { ensureEditor } from '../review/pane-edit.js';
import { useWorkbench } from '../state/store.js';

/**
 * FR-6: a surviving defect's suggested criterion, appended to the Acceptance Criteria pane as the
 * next AC with one undoable edit (the author keeps it, rewords it or presses Ctrl+Z).
 */
export async function insertSuggestion(suggestion: string): Promise<string> {
  const state = useWorkbench.getState();
  const pane = state.panes.find((p) => p.sectionIndex !== null && /acceptance/i.test(state.doc.sections[p.sectionIndex]?.heading ?? ''));
  if (!pane) throw new Error('this spec has no Acceptance Criteria section to insert into');
  const editor = await ensureEditor(pane.id);
  const model = editor.getModel()!;
  const text = model.getValue();
  const next = Math.max(0, ...[...text.matchAll(/\bAC-(\d+)\b/g)].map((m) => Number(m[1]))) + 1;
  const id = `AC-${next}`;
  const end = model.getPositionAt(text.length);
  const line = `${text.endsWith('\n') ? '' : '\n'}- **${id}:** ${suggestion}\n`;
  editor.pushUndoStop();
  editor.executeEdits('specbench-validate', [{ range: { startLineNumber: end.lineNumber, startColumn: end.column, endLineNumber: end.lineNumber, endColumn: end.column }, text: line }]);
  editor.pushUndoStop();
  editor.revealLineInCenter(model.getLineCount() - 1);
  announce('specbench:suggestion-inserted', { id });
  return id;
}
