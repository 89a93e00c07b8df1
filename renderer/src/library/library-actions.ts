import type { ResultOf } from '../../../core/contract/operations.js';
import type { SpecListItem } from '../../../core/contract/ops/specs.js';
import type { VersionInfo } from '../../../core/contract/ops/versions.js';
import { sanitizeFileName } from '../../../core/spec/file-names.js';
import type { TemplateId } from '../../../core/templates/types.js';
import { emptyTrashQuestion, plural } from '../../../core/present/library-text.js';
import { appInfo, client } from '../client/current.js';
import { announce } from '../events/app-events.js';
import { useWorkbench } from '../state/store.js';
import { confirmDiscard, download } from '../state/file-actions.js';
import { loadWithDraft } from './autosave.js';

/**
 * What the Library and History panels do to the open document and the library. Store failures
 * are thrown (the panels show them); cancelled actions return null/false.
 */
const store = () => useWorkbench.getState();

/** The name a library spec gets in the editor: the same name Export gives it. */
function fileNameFor(spec: SpecListItem): string {
  return sanitizeFileName(spec.importName ?? spec.title, `spec-${spec.id}`);
}

/**
 * Opens a library spec: its newest version, or its autosaved draft over it (the version stays
 * what counts as saved, so the document is dirty) with the caret where it was. As
 * `openWithDraft` does for files, for a spec that has no file.
 */
export async function openLibrarySpec(specId: number, options: { confirmed?: boolean } = {}): Promise<boolean> {
  if (!options.confirmed && !confirmDiscard()) return false;
  const { spec, head, draft } = await client().call('specs.get', { id: specId });
  const file = { path: null, name: fileNameFor(spec), content: head.markdown, bom: head.bom };
  const older = draft && draft.baseVersionId !== null && draft.baseVersionId !== head.id ? ' (started from an older version)' : '';
  loadWithDraft(file, { specId, headVersionId: head.id }, draft, spec.title, older);
  announce('specbench:library-opened', specId);
  return true;
}

/** A new library spec from a template (version 1), opened in the editor. */
export async function createFromTemplate(template: TemplateId, title: string): Promise<boolean> {
  if (!confirmDiscard()) return false;
  const created = await client().call('specs.create', {
    source: { kind: 'template', template, title },
    message: 'Created from a template',
  });
  await openLibrarySpec(created.spec.id, { confirmed: true });
  store().versionRecorded();
  return true;
}


/**
 * Exports a spec (its newest or a given version) byte for byte: through the native Save dialog
 * in Electron, as a download in the browser. Returns where it went, or null when cancelled.
 */
export async function exportSpec(specId: number, version?: number): Promise<string | null> {
  const exported = await client().call('specs.export', { id: specId, ...(version ? { version } : {}) });
  if (!appInfo().nativeDialogs) {
    // A JS string Blob is written as UTF-8; the byte-order mark goes back in front if the spec had one.
    download(exported.fileName, exported.bom ? `\uFEFF${exported.content}` : exported.content);
    store().notify('info', `Downloaded ${exported.fileName} (version ${exported.version}).`);
    return exported.fileName;
  }
  const chosen = await client().call('files.saveDialog', { defaultName: exported.fileName });
  if (!chosen) return null;
  const written = await client().call('specs.export', { id: specId, version: exported.version, path: chosen.path });
  store().notify('info', `Exported version ${written.version} to ${written.path}.`);
  return written.path;
}

/**
 * Empties the trash after the user confirms (naming the first few specs): each is deleted for
 * good, and the open document forgets a link to one of them. Returns how many went.
 */
export async function emptyTrash(): Promise<number> {
  const { specs: trashed } = await client().call('specs.list', { state: 'trashed' });
  if (trashed.length === 0 || !window.confirm(emptyTrashQuestion(trashed.map((t) => t.title)))) return 0;
  const ids = trashed.map((t) => t.id);
  const { deleted } = await client().call('specs.emptyTrash', { ids });
  const s = store();
  // The host drops the file's link with the spec.
  if (s.library && ids.includes(s.library.specId)) s.setLibrary(null);
  s.libraryChanged();
  s.notify('info', `Deleted ${plural(deleted, 'spec', 'specs')} for good.`);
  return deleted;
}

/** A spec's new title; an unchanged or empty one changes nothing. */
export async function renameSpec(spec: SpecListItem, title: string): Promise<void> {
  if (!title || title === spec.title) return;
  await client().call('specs.rename', { id: spec.id, title });
  store().libraryChanged();
}

/** Archives a spec (hidden from Active, still searchable) or brings it back. */
export async function archiveSpec(specId: number, archived: boolean): Promise<void> {
  await client().call('specs.archive', { id: specId, archived });
  store().libraryChanged();
}

/** Moves a spec to the trash; an open one stays open, and the user is told so. */
export async function trashSpec(spec: SpecListItem): Promise<void> {
  await client().call('specs.trash', { id: spec.id });
  const s = store();
  s.libraryChanged();
  if (s.library?.specId === spec.id) s.notify('info', `${spec.title} is in the trash; it stays open until you close it, and can be restored from the Trash.`);
}

/** Takes a spec out of the trash. */
export async function restoreSpec(specId: number): Promise<void> {
  await client().call('specs.restore', { id: specId });
  store().libraryChanged();
}

/** Whether this host has a native folder picker (the desktop app). */
export function canChooseFolders(): boolean {
  return appInfo().nativeDialogs;
}

/**
 * The desktop's folder picker: the folder chosen there may be imported (the desktop only lets the
 * renderer import folders the user picked); null when cancelled.
 */
export async function chooseImportFolder(): Promise<string | null> {
  return (await client().call('files.folderDialog', {}))?.path ?? null;
}

/** Imports every .md file of a folder on the host as a spec with one version. */
export async function importFolder(path: string): Promise<ResultOf<'specs.import'>> {
  const result = await client().call('specs.import', { path });
  store().libraryChanged();
  return result;
}

/**
 * Restores a version: the host saves a new version with its exact content, and the editor shows
 * that text, still linked to the spec. A document with a file stays dirty until saved to it.
 */
export async function restoreVersion(specId: number, number: number): Promise<VersionInfo | null> {
  if (!confirmDiscard(`Restoring version ${number} replaces the text in the editor. Discard the unsaved changes?`)) return null;
  const { version, created } = await client().call('versions.restore', { specId, number });
  const detail = await client().call('versions.get', { specId, number: version.number });
  const s = store();
  s.versionRecorded();
  if (s.library?.specId !== specId) return version; // another document was opened meanwhile
  const { file } = s;
  s.load(
    { path: file.path, name: file.name, content: detail.markdown, bom: detail.bom },
    { library: { specId, headVersionId: version.id }, savedText: file.path ? s.savedText : detail.markdown },
  );
  // A draft written before the restore would come back on the next open; the restored text replaces it.
  if (!store().dirty) await client().call('drafts.discard', { specId });
  store().notify(
    'info',
    created
      ? `Restored version ${number} as version ${version.number}.${file.path && store().dirty ? ` Save to write it to ${file.name}.` : ''}`
      : `Version ${number} has the same text as the newest version; no new version was needed.`,
  );
  announce('specbench:restored', { specId, from: number, version: version.number });
  return version;
}

/**
 * Replaces a damaged database with its newest backup, after the user confirms; the damaged file
 * is renamed aside. Says whether it was restored and, when there was no backup, why not.
 */
export async function restoreLatestBackup(): Promise<{ restored: boolean; problem: string | null }> {
  const info = await client().call('store.info', {});
  const latest = info.backups[0];
  if (!latest) return { restored: false, problem: `No backup was found in ${info.backupsDir}.` };
  const when = new Date(latest.modifiedAt).toLocaleString();
  if (!window.confirm(`Replace the damaged database with the backup from ${when}?\n\n${latest.path}\n\nThe damaged file is renamed aside, never deleted.`)) return { restored: false, problem: null };
  const restored = await client().call('store.restoreBackup', { path: latest.path });
  store().notify('info', `Restored the library from ${restored.restoredFrom}.${restored.movedAside.length ? ` The damaged file was moved to ${restored.movedAside.join(', ')}.` : ''}`);
  // Every listing and history may differ in the restored file.
  store().versionRecorded();
  return { restored: true, problem: null };
}
