import { focusNewComment, moveToThread } from '../comments/comment-keys.js';
import { useEffect } from 'react';
import { CommandPalette } from './CommandPalette.js';
import { FindBar } from './FindBar.js';
import { useOverlay } from './overlay-store.js';
import { ShortcutList } from './ShortcutList.js';
import './palette.css';

/** True when a key goes to something the user types into (a field, or an editor). */
function typingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || !!el.closest('.monaco-editor'));
}

/**
 * The app-wide keys (palette, find across panes, shortcut list, open) and the overlay they
 * open. Listening in the capture phase lets them work while an editor has the focus.
 */
export function Overlays() {
  const overlay = useOverlay((s) => s.overlay);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const show = useOverlay.getState().show;
      let handled = true;
      if (mod && e.shiftKey && key === 'p') show(useOverlay.getState().overlay === 'palette' ? null : 'palette');
      else if (mod && e.shiftKey && key === 'f') show('find');
      else if (mod && !e.shiftKey && key === 'o') document.querySelector<HTMLElement>('[data-testid="open"]')?.click();
      else if (e.key === '?' && !mod && !typingTarget(e.target)) show('shortcuts');
      else if (e.ctrlKey && e.altKey && key === 'm') focusNewComment();
      else if (e.ctrlKey && e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) moveToThread(e.key === 'ArrowDown' ? 1 : -1);
      else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  if (overlay === 'palette') return <CommandPalette />;
  if (overlay === 'find') return <FindBar />;
  if (overlay === 'shortcuts') return <ShortcutList />;
  return null;
}
