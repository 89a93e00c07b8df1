import type { SpecListItem } from '../../../core/contract/ops/specs.js';
import type { VersionInfo } from '../../../core/contract/ops/versions.js';
import { sanitizeFileName } from '../../../core/spec/file-names.js';
import type { TemplateId } from '../../../core/templates/types.js';
import { appInfo, client } from '../client/current.js';
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
  window.dispatchEvent(new CustomEvent('specbench:library-opened', { detail: specId }));
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
  window.dispatchEvent(new CustomEvent('specbench:versioned'));
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

/** Deletes the given trashed specs for good; the open document forgets a link to one of them (the host drops the file's link with the spec). */
export async function emptyTrash(ids: number[]): Promise<number> {
  const { deleted } = await client().call('specs.emptyTrash', { ids });
  const s = store();
  if (s.library && ids.includes(s.library.specId)) s.setLibrary(null);
  return deleted;
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
  window.dispatchEvent(new CustomEvent('specbench:versioned'));
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
  window.dispatchEvent(new CustomEvent('specbench:restored', { detail: { specId, from: number, version: version.number } }));
  return version;
}
