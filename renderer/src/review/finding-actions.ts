import { findSection } from '../../../core/review/anchor.js';
import { computeFindingEdit } from '../../../core/review/apply-edit.js';
import type { FindingState } from '../../../core/review/finding.js';
import { toEol } from '../../../core/spec/edit.js';
import { client } from '../client/current.js';
import { announce } from '../events/app-events.js';
import { revealInPane } from '../monaco/editor-registry.js';
import { useWorkbench } from '../state/store.js';
import type { ShownFinding } from './collect.js';
import { failureMessage } from './format.js';
import { ensureEditor, replaceInEditor } from './pane-edit.js';

const store = () => useWorkbench.getState();

/** Records what the author did with a finding, for this spec version (kept across restarts). */
export async function recordState(f: ShownFinding, state: FindingState): Promise<void> {
  if (f.contentHash) store().reviewSetStates(f.contentHash, [{ findingId: f.finding.id, state }]);
  if (!f.specId || !f.contentHash) return;
  try {
    await client().call('review.findingState.set', { specId: f.specId, contentHash: f.contentHash, findingId: f.finding.id, state });
  } catch (error) {
    store().notify('warning', `The finding's state was not saved: ${failureMessage(error)}`);
  }
}

/** Scrolls to a finding's quote in its pane and selects it. */
export function revealFinding(f: ShownFinding): void {
  store().reviewPatch({ reviewSelected: f.finding.id });
  const s = store();
  const anchor = s.reviewAnchors[f.finding.id];
  if (!anchor || anchor.status !== 'anchored') {
    const section = findSection(s.doc, f.finding.section);
    const pane = section ? s.panes.find((p) => p.sectionIndex === section.index) : s.panes.find((p) => p.key === f.finding.section);
    if (pane) revealInPane(pane.id, 0, 0);
    return;
  }
  const pane = s.panes.find((p) => p.sectionIndex === anchor.sectionIndex);
  if (pane) revealInPane(pane.id, anchor.bodyStart, anchor.bodyEnd - anchor.bodyStart);
}

/**
 * Apply: exactly the quoted range of the named section becomes `proposedText` (or the text is
 * added to the section), as one undoable edit in that section's pane (NFR-3).
 */
export async function applyFinding(f: ShownFinding): Promise<boolean> {
  store().sync();
  const s = store();
  if (s.view === 'document') {
    s.notify('warning', 'Switch to the Sections view to apply a fix.');
    return false;
  }
  const edit = computeFindingEdit(s.doc, f.finding);
  if (!edit.ok) {
    s.notify('warning', edit.message);
    return false;
  }
  try {
    if (edit.mode === 'add-section') {
      const pane = s.panes.find((p) => p.key === f.finding.section && p.sectionIndex === null);
      if (!pane) throw new Error(`there is no pane for the section "${f.finding.section}"`);
      const editor = await ensureEditor(pane.id);
      const model = editor.getModel()!;
      replaceInEditor(editor, 0, model.getValueLength(), toEol(f.finding.proposedText ?? '', s.doc.eol));
      revealInPane(pane.id, 0, 0);
    } else {
      const index = edit.sectionIndex!;
      const section = s.doc.sections[index];
      const pane = s.panes.find((p) => p.sectionIndex === index);
      if (!pane) throw new Error(`there is no pane for the section "${f.finding.section}"`);
      const start = edit.start - section.bodyStart;
      const end = edit.end - section.bodyStart;
      const editor = await ensureEditor(pane.id);
      const model = editor.getModel()!;
      if (model.getValue().slice(start, end) !== edit.oldText) throw new Error('the text changed while the fix was being applied; try again');
      replaceInEditor(editor, start, end, edit.text);
      revealInPane(pane.id, start, edit.text.length);
    }
  } catch (error) {
    s.notify('error', `Apply failed: ${failureMessage(error)}`);
    return false;
  }
  await recordState(f, 'applied');
  announce('specbench:review-applied', { findingId: f.finding.id });
  return true;
}
