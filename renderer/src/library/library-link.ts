import type { LibraryLink } from '../state/document-slice.js';
import { client } from '../client/current.js';
import { useWorkbench } from '../state/store.js';

/**
 * Which library spec a file on disk is saved into, remembered per path in this profile, so
 * reopening the file finds its autosaved draft and its history.
 */
const LINKS_KEY = 'specbench.fileSpecs';

function links(): Record<string, number> {
  try {
    return JSON.parse(localStorage.getItem(LINKS_KEY) ?? '{}') as Record<string, number>;
  } catch {
    return {};
  }
}

export function linkedSpecId(path: string | null): number | null {
  return path ? (links()[path] ?? null) : null;
}

export function rememberLink(path: string | null, specId: number): void {
  if (!path) return;
  localStorage.setItem(LINKS_KEY, JSON.stringify({ ...links(), [path]: specId }));
}

export function forgetLink(path: string | null): void {
  if (!path) return;
  const { [path]: _gone, ...rest } = links();
  localStorage.setItem(LINKS_KEY, JSON.stringify(rest));
}

/**
 * The library spec of the open document, created (from the text as last saved, so history
 * starts from the file) the first time something needs it.
 */
export async function ensureLibrarySpec(): Promise<LibraryLink> {
  const s = useWorkbench.getState();
  if (s.library) return s.library;
  const markdown = s.savedText || s.currentText();
  const created = await client().call('specs.create', {
    source: { kind: 'markdown', markdown, bom: s.file.bom, fileName: s.file.name },
    message: s.file.path ? `Opened ${s.file.name}` : 'Created in the workbench',
    readiness: s.lint?.readiness.score ?? null,
  });
  const link = { specId: created.spec.id, headVersionId: created.version.id };
  // The user may have opened another document while the spec was being created.
  if (useWorkbench.getState().file.path === s.file.path && useWorkbench.getState().file.name === s.file.name) {
    useWorkbench.getState().setLibrary(link);
    rememberLink(s.file.path, link.specId);
  }
  return link;
}
