import type { StateCreator } from 'zustand';
import { announce } from '../events/app-events.js';
import type { WorkbenchState } from './store.js';

/**
 * What the Library and History panels reload on. Whoever changes the library (a save, an
 * autosave, a restore, a rename…) calls one of these actions; the panels subscribe to the
 * counters, so no part of the app tells another to refresh through `window` events. Each action
 * also announces the matching app event for outside observers (end-to-end tests).
 */
export interface LibrarySlice {
  /** Bumps whenever anything stored in the library changes: the Library listing reloads. */
  libraryRevision: number;
  /** Bumps when a spec gains a version (saved, created, restored): History reloads too. */
  versionsRevision: number;
  /** A version was recorded: both panels reload; announces `specbench:versioned`. */
  versionRecorded(): void;
  /** A draft was autosaved (listings show the draft marker); announces `specbench:autosaved`. */
  draftSaved(): void;
  /** A spec was renamed, archived, trashed, imported… : the listing reloads. */
  libraryChanged(): void;
  /**
   * Someone else recorded a version (a team server's `team.versionSaved`): both panels reload, but
   * `specbench:versioned` is not announced — it means this window saved.
   */
  versionRecordedElsewhere(): void;
}

export const createLibrarySlice: StateCreator<WorkbenchState, [], [], LibrarySlice> = (set) => ({
  libraryRevision: 0,
  versionsRevision: 0,
  versionRecorded() {
    set((s) => ({ libraryRevision: s.libraryRevision + 1, versionsRevision: s.versionsRevision + 1 }));
    announce('specbench:versioned');
  },
  draftSaved() {
    set((s) => ({ libraryRevision: s.libraryRevision + 1 }));
    announce('specbench:autosaved');
  },
  libraryChanged() {
    set((s) => ({ libraryRevision: s.libraryRevision + 1 }));
  },
  versionRecordedElsewhere() {
    set((s) => ({ libraryRevision: s.libraryRevision + 1, versionsRevision: s.versionsRevision + 1 }));
  },
});
