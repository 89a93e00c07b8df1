import { create } from 'zustand';
import type { SectionConflict } from '../../../core/merge/types.js';

/** A stale save that met a conflict (issue 15 FR-6): what the merge view resolves. */
export interface PendingMerge {
  specId: number;
  base: { id: number; number: number };
  head: { id: number; number: number; author: string };
  conflicts: SectionConflict[];
}

/**
 * The pending merge and the merge view's choices, apart from the document store: the text being
 * merged stays the editor's (and the host's draft), so closing the view loses nothing, and the
 * palette's "Resolve merge" reopens it while a conflict is pending.
 */
interface MergeState {
  pending: PendingMerge | null;
  open: boolean;
  /** The result text per conflicting section key (null: the section goes). */
  resolutions: Record<string, string | null>;
  saving: boolean;
  start(pending: PendingMerge): void;
  resolve(key: string, text: string | null): void;
  show(open: boolean): void;
  clear(): void;
}

export const useMerge = create<MergeState>()((set) => ({
  pending: null,
  open: false,
  resolutions: {},
  saving: false,
  start: (pending) => set({ pending, open: true, resolutions: {}, saving: false }),
  resolve: (key, text) => set((s) => ({ resolutions: { ...s.resolutions, [key]: text } })),
  show: (open) => set((s) => ({ open: open && s.pending !== null })),
  clear: () => set({ pending: null, open: false, resolutions: {} }),
}));
