import type { LibraryLink } from '../state/document-slice.js';
import { client } from '../client/current.js';
import { useWorkbench } from '../state/store.js';

/**
 * The library spec of the open document. The host owns which spec a file belongs to (see
 * `specs.forFile`); this module only asks it, and remembers the answer in the store for the
 * open document.
 */

let pending: { key: string; link: Promise<LibraryLink> } | null = null;

/**
 * The library spec of the open document, created (from the text as last saved, so history
 * starts from the file) the first time something needs it. For a host file the host links the
 * two, and answers with the spec another window or port already made for it.
 */
export async function ensureLibrarySpec(): Promise<LibraryLink> {
  const s = useWorkbench.getState();
  if (s.library) return s.library;
  // Autosave and a save can both ask before the first answer: one spec, not two.
  const key = `${s.file.path ?? ''}\u0000${s.file.name}`;
  if (pending?.key === key) return pending.link;
  const link = createFor(s.file.path, s.file.name, s.file.bom, s.savedText || s.currentText());
  pending = { key, link };
  try {
    return await link;
  } finally {
    if (pending?.link === link) pending = null;
  }
}

async function createFor(path: string | null, name: string, bom: boolean, markdown: string): Promise<LibraryLink> {
  const created = await client().call('specs.create', {
    source: { kind: 'markdown', markdown, bom, fileName: name },
    message: path ? `Opened ${name}` : 'Created in the workbench',
    ...(path ? { file: path } : {}),
  });
  const link = { specId: created.spec.id, headVersionId: created.version.id };
  // The user may have opened another document while the spec was being created.
  const now = useWorkbench.getState();
  if (now.file.path === path && now.file.name === name) now.setLibrary(link);
  return link;
}
