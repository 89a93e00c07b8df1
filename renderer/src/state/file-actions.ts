import { MAX_SPEC_BYTES, decodeUtf8, tooLargeMessage } from '../../../core/markdown/utf8.js';
import { newSpecMarkdown } from '../../../core/templates/new-spec.js';
import type { TemplateId } from '../../../core/templates/types.js';
import { appInfo, client } from '../client/current.js';
import { useWorkbench } from './store.js';
import { openWithDraft } from '../library/autosave.js';
import { ensureLibrarySpec } from '../library/library-link.js';
import { announce } from '../events/app-events.js';
import { applyMergeOutcome } from '../merge/merge-actions.js';

const store = () => useWorkbench.getState();

function failure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** True when nothing unsaved would be lost, or the user agreed to lose it. */
export function confirmDiscard(question = 'Discard the unsaved changes in this spec?'): boolean {
  return !store().dirty || window.confirm(question);
}

/** A file the user picked in the browser: same limits and UTF-8 check as the host applies. */
export async function openPickedFile(file: File): Promise<void> {
  if (file.size > MAX_SPEC_BYTES) {
    store().notify('error', `${file.name}: ${tooLargeMessage(file.size)}`);
    return;
  }
  const decoded = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) {
    store().notify('error', `${file.name}: ${decoded.message}`);
    return;
  }
  if (!confirmDiscard()) return;
  store().load({ path: null, name: file.name, content: decoded.text, bom: decoded.bom });
  announce('specbench:opened', file.name);
}

/** Open: the native dialog in Electron; in the browser the caller shows a file input instead. */
export async function openWithDialog(): Promise<void> {
  if (!confirmDiscard()) return;
  try {
    const opened = await client().call('files.openDialog', {});
    if (opened) await openWithDraft(opened);
  } catch (error) {
    store().notify('error', failure(error));
  }
}

export function newSpec(template: TemplateId): void {
  if (!confirmDiscard()) return;
  const content = newSpecMarkdown(template, 'Untitled spec', new Date().toISOString().slice(0, 10));
  store().load({ path: null, name: 'untitled-spec.md', content, bom: false });
  // A new spec has never been saved: it starts dirty so closing it asks first.
  useWorkbench.setState({ savedText: '', dirty: true });
}

/** Offers text as a file download (browser mode's Save and Export). */
export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Save: to the file's path when it has one; otherwise through the native Save dialog
 * (Electron) or as a download (browser). A failed save keeps the text and the dirty marker.
 */
export async function save(options: { saveAs?: boolean } = {}): Promise<boolean> {
  const s = store();
  s.sync();
  const text = s.currentText();
  let { path } = s.file;
  // On a team server the library is the only place a spec lives: no download, and a refusal (a
  // reviewer has no right to change text) must be an error that keeps the text unsaved.
  if (appInfo().team && !path && !options.saveAs) return saveToTeam(text);
  try {
    if (!path || options.saveAs) {
      if (!appInfo().nativeDialogs) {
        download(s.file.name, text);
        s.markSaved(text, s.file);
        await recordVersion(text, null);
        announce('specbench:saved', s.file.name);
        return true;
      }
      const chosen = await client().call('files.saveDialog', { defaultName: s.file.name });
      if (!chosen) return false;
      path = chosen.path;
    }
    await client().call('files.write', { path, content: text, bom: s.file.bom });
    const name = path.split(/[\\/]/).pop() ?? s.file.name;
    store().markSaved(text, { path, name, bom: s.file.bom });
    await recordVersion(text, path);
    announce('specbench:saved', path);
    return true;
  } catch (error) {
    store().notify('error', `Not saved: ${failure(error)}`);
    return false;
  }
}

async function saveToTeam(text: string): Promise<boolean> {
  const s = store();
  try {
    if (!(await storeVersion(text, null, () => store().markSaved(text, s.file)))) return false;
  } catch (error) {
    store().notify('error', `Not saved: ${failure(error)}`);
    return false;
  }
  announce('specbench:saved', s.file.name);
  return true;
}

/**
 * Every save is also a version in the library's history (identical text adds none), and the
 * draft it supersedes goes. A failure here never undoes the file save: it is reported.
 */
async function recordVersion(text: string, path: string | null): Promise<void> {
  try {
    await storeVersion(text, path, () => {});
  } catch (error) {
    store().notify('warning', `Saved to disk, but not to the history: ${failure(error)}`);
  }
}

/** Saves `text` as a version; `onStored` runs once the version stands (not on a merge conflict). False on a conflict. */
async function storeVersion(text: string, path: string | null, onStored: () => void): Promise<boolean> {
  const link = await ensureLibrarySpec();
  const saved = await client().call('versions.save', {
    specId: link.specId,
    markdown: text,
    bom: store().file.bom,
    message: path ? `Saved ${path.split(/[\\/]/).pop()}` : 'Saved',
    // The host links the file it was written to and computes the readiness itself.
    ...(path ? { file: path } : {}),
    ...(link.headVersionId ? { baseVersionId: link.headVersionId } : {}),
  });
  if (saved.merge?.status !== 'conflict') onStored();
  // A stale save is merged by the host (issue 15 FR-6); on a conflict no version was made and
  // the editor keeps its base, so the next save cannot pass over the other author's version.
  if (!(await applyMergeOutcome(saved, link.specId, path))) return false;
  if (saved.newerVersionExists && !saved.merge) store().notify('warning', 'Another window saved a newer version of this spec; yours was saved as the newest.');
  store().setLibrary({ specId: link.specId, headVersionId: saved.version.id });
  if (!saved.draftCleared) await client().call('drafts.discard', { specId: link.specId });
  store().versionRecorded();
  return true;
}
