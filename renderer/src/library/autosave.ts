import type { OpenedFile } from '../../../core/contract/ops/app.js';
import type { Draft } from '../../../core/contract/ops/drafts.js';
import type { OpenedSpec } from '../../../core/contract/ops/specs.js';
import type { LibraryLink } from '../state/document-slice.js';
import { client } from '../client/current.js';
import { lastCursor, revealInPane } from '../monaco/editor-registry.js';
import { useWorkbench } from '../state/store.js';
import { ensureLibrarySpec } from './library-link.js';

/** Typing stops → a draft within this long (FR-3 allows two seconds; the store re-parses after 120 ms). */
const AUTOSAVE_DELAY_MS = 1000;
const RETRY_DELAY_MS = 5000;

function documentCursor(): { line: number; column: number } {
  const cursor = lastCursor();
  const s = useWorkbench.getState();
  const pane = cursor ? s.panes.find((p) => p.id === cursor.paneId) : undefined;
  const section = pane?.sectionIndex != null ? s.doc.sections[pane.sectionIndex] : undefined;
  return cursor && section ? { line: section.bodyLine + cursor.line - 1, column: cursor.column } : { line: 1, column: 1 };
}

/** Writes the editor's text as the spec's draft (not a version); failures keep the text and retry. */
export async function saveDraftNow(): Promise<void> {
  const s = useWorkbench.getState();
  if (!s.dirty) return;
  const link = await ensureLibrarySpec();
  await client().call('drafts.save', {
    specId: link.specId,
    markdown: useWorkbench.getState().currentText(),
    bom: s.file.bom,
    cursor: documentCursor(),
    ...(link.headVersionId ? { baseVersionId: link.headVersionId } : {}),
  });
  useWorkbench.getState().draftSaved();
}

export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let warned = false;
  const run = () => {
    saveDraftNow().then(
      () => (warned = false),
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        // A refusal (a team reviewer may not change the text) will not pass on a retry: say so once, retry nothing.
        if ((error as { code?: unknown }).code === 'FORBIDDEN') {
          if (!warned) useWorkbench.getState().notify('warning', `Your edits are not kept as a draft: ${message}`);
          warned = true;
          return;
        }
        if (!warned) useWorkbench.getState().notify('warning', `Autosave failed, your text is kept and will be retried: ${message}`);
        warned = true;
        timer = setTimeout(run, RETRY_DELAY_MS);
      },
    );
  };
  const unsubscribe = useWorkbench.subscribe((state, previous) => {
    if (state.doc === previous.doc || !state.dirty) return;
    clearTimeout(timer);
    timer = setTimeout(run, AUTOSAVE_DELAY_MS);
  });
  const onHide = () => {
    if (document.visibilityState === 'hidden') {
      clearTimeout(timer);
      run();
    }
  };
  document.addEventListener('visibilitychange', onHide);
  return () => {
    unsubscribe();
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onHide);
  };
}

/**
 * Opens a file, bringing back its autosaved draft (and caret) when the last session ended with
 * unsaved changes; the file's own text stays what counts as saved, so the document is dirty.
 * The host says which library spec the file belongs to, so any window, port or browser profile
 * finds the same draft and history.
 */
export async function openWithDraft(file: OpenedFile): Promise<void> {
  const store = useWorkbench.getState();
  let opened: OpenedSpec | null = null;
  if (file.path) {
    try {
      opened = await client().call('specs.forFile', { path: file.path });
    } catch {
      // The library cannot answer (a store error): the file opens as it is, unlinked.
    }
  }
  if (!opened) {
    store.load(file);
    return;
  }
  loadWithDraft(file, { specId: opened.spec.id, headVersionId: opened.head.id }, opened.draft, file.name);
}

/**
 * Loads `saved` into the editor, or the autosaved draft over it when one differs: the saved
 * text stays what counts as saved (so the document is dirty), the user is told, and the caret
 * goes back where it was.
 */
export function loadWithDraft(saved: OpenedFile, library: LibraryLink, draft: Draft | null, label: string, note = ''): void {
  const store = useWorkbench.getState();
  // A draft's text started from its base version: saving it is based on that version, so the host
  // merges it with anything saved since (or offers the merge view) instead of overwriting it. That
  // holds when the file already has the draft's text too (a save that met a merge conflict).
  const base = draft && draft.baseVersionId !== null ? { ...library, headVersionId: draft.baseVersionId } : library;
  if (!draft || draft.markdown === saved.content) {
    store.load(saved, { library: base });
    return;
  }
  store.load({ ...saved, content: draft.markdown, bom: draft.bom }, { library: base, savedText: saved.content });
  store.notify('info', `Restored unsaved changes to ${label} from ${new Date(draft.updatedAt).toLocaleString()}${note}.`);
  window.addEventListener('specbench:panes-ready', () => restoreCursor(draft.cursor.line, draft.cursor.column), { once: true });
}

/** Puts the caret at a whole-document position (1-based), in the pane holding that line. */
export function restoreCursor(line: number, column: number): void {
  const s = useWorkbench.getState();
  const index = s.doc.sections.findLastIndex((sec) => sec.bodyLine <= line);
  const pane = s.panes.find((p) => p.sectionIndex === index);
  if (!pane || index < 0) return;
  const body = s.bodies[pane.id] ?? '';
  const lines = body.split('\n');
  const within = Math.min(line - s.doc.sections[index].bodyLine, lines.length - 1);
  const offset = lines.slice(0, within).reduce((n, l) => n + l.length + 1, 0) + Math.min(column - 1, lines[within]?.length ?? 0);
  revealInPane(pane.id, offset);
}
