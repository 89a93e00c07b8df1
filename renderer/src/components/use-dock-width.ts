import { useCallback, useState, type KeyboardEvent, type PointerEvent } from 'react';

/** A UI preference, not data: it lives in this browser profile, not in the library. */
const STORAGE_KEY = 'specbench.dockWidth';
const MIN = 280;

/** A third of the window (findings read in whole lines), between 380 and 560 px: 410 px at 1280. */
export function defaultDockWidth(): number {
  const viewport = typeof window === 'undefined' ? 1280 : window.innerWidth;
  return clamp(Math.min(560, Math.max(380, viewport * 0.32)));
}

/** Wide enough to use, narrow enough to leave the editor 400 px. */
function clamp(width: number): number {
  const max = Math.max(MIN, (typeof window === 'undefined' ? 1600 : window.innerWidth) - 400);
  return Math.round(Math.min(max, Math.max(MIN, width)));
}

function stored(): number {
  try {
    const value = Number(localStorage.getItem(STORAGE_KEY));
    return Number.isFinite(value) && value > 0 ? clamp(value) : defaultDockWidth();
  } catch {
    return defaultDockWidth();
  }
}

function remember(width: number): void {
  try {
    localStorage.setItem(STORAGE_KEY, String(width));
  } catch {
    // Storage can be off (private mode): the width then lasts for this session only.
  }
}

/** The dock's width, dragged by its left edge or moved with the arrow keys, and remembered. */
export function useDockWidth() {
  const [width, setWidth] = useState(stored);
  const apply = useCallback((next: number) => {
    const w = clamp(next);
    setWidth(w);
    remember(w);
  }, []);
  const onPointerDown = useCallback(
    (e: PointerEvent<HTMLElement>) => {
      e.preventDefault();
      const startX = e.clientX;
      const startWidth = width;
      // The dock sits on the right: dragging its edge left makes it wider.
      const move = (m: globalThis.PointerEvent) => setWidth(clamp(startWidth + startX - m.clientX));
      const up = (u: globalThis.PointerEvent) => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
        apply(startWidth + startX - u.clientX);
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
    },
    [width, apply],
  );
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (e.key === 'ArrowLeft') apply(width + 20);
      else if (e.key === 'ArrowRight') apply(width - 20);
    },
    [width, apply],
  );
  return { width, onPointerDown, onKeyDown };
}
