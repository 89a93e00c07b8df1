import assert from 'node:assert/strict';
import { act } from 'react';
import { save } from '../../../renderer/src/state/file-actions.js';
import { useWorkbench } from '../../../renderer/src/state/store.js';

/**
 * Edits the whole document as the single-editor view does, then saves (Ctrl/Cmd+S).
 * Import it dynamically after `installDom()`, like the renderer modules it uses.
 */
export async function editAndSave(edit: (text: string) => string): Promise<void> {
  await act(async () => {
    const s = useWorkbench.getState();
    s.setView('document');
    s.editDocument(edit(s.currentText()));
  });
  let saved = false;
  await act(async () => {
    saved = await save();
  });
  assert.equal(saved, true, 'the save succeeded');
}
