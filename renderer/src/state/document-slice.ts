import type { StateCreator } from 'zustand';
import type { OpenedFile } from '../../../core/contract/ops/app.js';
import { parseSpec } from '../../../core/markdown/parse.js';
import { composeSpec } from '../../../core/spec/edit.js';
import { removeMetaField, setMetaField } from '../../../core/spec/meta-edit.js';
import type { SpecDocument } from '../../../core/spec/model.js';
import { buildPanes, samePaneLayout, type Pane } from '../../../core/spec/panes.js';
import type { WorkbenchState } from './store.js';

export interface FileRef {
  /** Host path, or null for a new spec or a file picked in the browser. */
  path: string | null;
  name: string;
  bom: boolean;
}

/** The library spec the open document is saved into (versions, drafts, finding states). */
export interface LibraryLink {
  specId: number;
  /** The newest version this editor knows; another window saving moves the head past it. */
  headVersionId: number | null;
}

export interface DocumentSlice {
  file: FileRef;
  library: LibraryLink | null;
  doc: SpecDocument;
  panes: Pane[];
  /** Live text of every pane, by pane id: what the editors hold. */
  bodies: Record<string, string>;
  /** Bumps when the section layout changes under the editors, telling them to reload. */
  revision: number;
  savedText: string;
  dirty: boolean;
  view: 'sections' | 'document';
  /** Live whole-document text while the single-editor view is open. */
  documentText: string | null;
  /** Opens text in the editor; `library` ties it to a library spec, `savedText` overrides what counts as saved. */
  load(file: OpenedFile, options?: { library?: LibraryLink | null; savedText?: string }): void;
  setLibrary(link: LibraryLink | null): void;
  editPane(paneId: string, text: string): void;
  editDocument(text: string): void;
  /** Reparses the live text now; edits call it debounced. */
  sync(): void;
  setView(view: 'sections' | 'document'): void;
  /** Sets a front-matter field (and the H1 for `title`) from the title bar; section bytes stay as they are. */
  setMeta(field: string, value: string): void;
  /** Overrides the detected format with front matter `format:`; null goes back to detection. */
  setFormat(format: string | null): void;
  currentText(): string;
  markSaved(text: string, file: FileRef): void;
}

const SYNC_DELAY_MS = 120;

function bodiesOf(doc: SpecDocument, panes: Pane[]): Record<string, string> {
  return Object.fromEntries(panes.map((p) => [p.id, p.sectionIndex === null ? '' : doc.sections[p.sectionIndex].body]));
}

export const createDocumentSlice: StateCreator<WorkbenchState, [], [], DocumentSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const scheduleSync = () => {
    clearTimeout(timer);
    timer = setTimeout(() => get().sync(), SYNC_DELAY_MS);
  };
  /** A new text that differs only in its preamble (front matter, title): the panes keep their editors when they can. */
  const applyPreambleEdit = (text: string) => {
    const doc = parseSpec(text);
    const panes = buildPanes(doc);
    set((s) => {
      const dirty = text !== s.savedText;
      // The whole-document editor holds the preamble: it reloads with the new text.
      if (s.view === 'document') return { doc, panes, bodies: bodiesOf(doc, panes), documentText: text, revision: s.revision + 1, dirty };
      if (samePaneLayout(s.panes, panes)) return { doc, panes, dirty };
      return { doc, panes, bodies: bodiesOf(doc, panes), revision: s.revision + 1, dirty };
    });
  };
  const initial = parseSpec('');
  const initialPanes = buildPanes(initial);
  return {
    file: { path: null, name: 'untitled.md', bom: false },
    library: null,
    doc: initial,
    panes: initialPanes,
    bodies: bodiesOf(initial, initialPanes),
    revision: 0,
    savedText: '',
    dirty: false,
    view: 'sections',
    documentText: null,

    load(file, options = {}) {
      clearTimeout(timer);
      const doc = parseSpec(file.content);
      const panes = buildPanes(doc);
      const savedText = options.savedText ?? file.content;
      set((s) => ({
        // Notices belong to the document they were raised for: another document starts clean.
        ...(s.file.path !== file.path || s.file.name !== file.name ? { notices: [] } : {}),
        file: { path: file.path, name: file.name, bom: file.bom },
        library: options.library ?? null,
        doc,
        panes,
        bodies: bodiesOf(doc, panes),
        revision: s.revision + 1,
        savedText,
        dirty: savedText !== file.content,
        documentText: s.view === 'document' ? file.content : null,
      }));
    },

    setLibrary(link) {
      set({ library: link });
    },

    editPane(paneId, text) {
      set((s) => ({ bodies: { ...s.bodies, [paneId]: text }, dirty: true }));
      scheduleSync();
    },

    editDocument(text) {
      set({ documentText: text, dirty: true });
      scheduleSync();
    },

    currentText() {
      const { doc, panes, bodies, view, documentText } = get();
      if (view === 'document' && documentText !== null) return documentText;
      const edited = new Map<number, string>();
      const added = new Map<string, string>();
      for (const pane of panes) {
        const body = bodies[pane.id] ?? '';
        if (pane.sectionIndex === null) {
          if (pane.key) added.set(pane.key, body);
        } else if (body !== doc.sections[pane.sectionIndex].body) {
          edited.set(pane.sectionIndex, body);
        }
      }
      return edited.size === 0 && added.size === 0 ? doc.source : composeSpec(doc, edited, added);
    },

    sync() {
      clearTimeout(timer);
      const text = get().currentText();
      const doc = parseSpec(text);
      const panes = buildPanes(doc);
      set((s) => {
        const dirty = text !== s.savedText;
        if (s.view === 'document') return { doc, panes, bodies: bodiesOf(doc, panes), dirty };
        if (samePaneLayout(s.panes, panes)) return { doc, panes, dirty };
        // The layout moved (a heading typed into a pane, a section added): reload the editors.
        return { doc, panes, bodies: bodiesOf(doc, panes), revision: s.revision + 1, dirty };
      });
    },

    setView(view) {
      const s = get();
      if (view === s.view) return;
      s.sync();
      if (view === 'document') set({ view, documentText: get().doc.source });
      else {
        const doc = get().doc;
        set((st) => ({ view, documentText: null, bodies: bodiesOf(doc, st.panes), revision: st.revision + 1 }));
      }
    },

    setMeta(field, value) {
      get().sync();
      applyPreambleEdit(setMetaField(get().doc, field, value));
    },

    setFormat(format) {
      get().sync();
      const doc = get().doc;
      applyPreambleEdit(format === null ? removeMetaField(doc, 'format') : setMetaField(doc, 'format', format));
    },

    markSaved(text, file) {
      set({ savedText: text, file, dirty: get().currentText() !== text });
    },
  };
};
