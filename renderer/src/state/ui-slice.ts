import type { StateCreator } from 'zustand';
import type { WorkbenchState } from './store.js';

export interface Notice {
  id: number;
  kind: 'error' | 'warning' | 'info';
  text: string;
}

export interface UiSlice {
  collapsed: Record<string, boolean>;
  notices: Notice[];
  toggleCollapsed(paneId: string): void;
  notify(kind: Notice['kind'], text: string): void;
  dismiss(id: number): void;
}

let nextNotice = 1;

/** How long an info or warning notice stays; errors stay until dismissed or another document opens. */
export const NOTICE_TIMEOUT_MS = 8000;

export const createUiSlice: StateCreator<WorkbenchState, [], [], UiSlice> = (set, get) => ({
  collapsed: {},
  notices: [],
  toggleCollapsed: (paneId) => set((s) => ({ collapsed: { ...s.collapsed, [paneId]: !s.collapsed[paneId] } })),
  notify: (kind, text) => {
    const id = nextNotice++;
    // The same message again replaces the old one instead of stacking, and at most five stay.
    set((s) => ({ notices: [...s.notices.filter((n) => n.text !== text || n.kind !== kind).slice(-4), { id, kind, text }] }));
    if (kind !== 'error') setTimeout(() => get().dismiss(id), NOTICE_TIMEOUT_MS);
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
