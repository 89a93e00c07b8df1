import { create } from 'zustand';

type Overlay = 'palette' | 'find' | 'shortcuts' | null;

/**
 * Which app-wide overlay is open (command palette, find across panes, shortcut list) and which
 * title-bar field the palette asked to edit. Kept apart from the document store: none of it is
 * part of the document, and any component may open an overlay.
 */
interface OverlayState {
  overlay: Overlay;
  editingMeta: string | null;
  show(overlay: Overlay): void;
  editMeta(field: string | null): void;
}

export const useOverlay = create<OverlayState>()((set) => ({
  overlay: null,
  editingMeta: null,
  show: (overlay) => set({ overlay }),
  editMeta: (field) => set({ editingMeta: field, overlay: null }),
}));
