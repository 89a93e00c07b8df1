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

export const createUiSlice: StateCreator<WorkbenchState, [], [], UiSlice> = (set) => ({
  collapsed: {},
  notices: [],
  toggleCollapsed: (paneId) => set((s) => ({ collapsed: { ...s.collapsed, [paneId]: !s.collapsed[paneId] } })),
  notify: (kind, text) => set((s) => ({ notices: [...s.notices.slice(-4), { id: nextNotice++, kind, text }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
