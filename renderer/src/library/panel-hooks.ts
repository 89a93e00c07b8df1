import { useCallback, useEffect, useState } from 'react';
import { useWorkbench } from '../state/store.js';
import { isStoreError, toPanelError, type PanelError } from './store-errors.js';

/** The current time, refreshed every `intervalMs`, so relative times stay true while a panel is open. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** `value`, once it has stopped changing for `delayMs` (typing in a filter or search box). */
export function useDebounced<T>(value: T, delayMs = 200): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * A panel's failure handler: database errors (locked, full, corrupt, newer) stay in the panel
 * with what to do next; anything else is a notice.
 */
export function usePanelFailure(setError: (error: PanelError) => void): (failure: unknown) => void {
  return useCallback(
    (failure: unknown) => {
      const e = toPanelError(failure);
      if (isStoreError(e)) setError(e);
      else useWorkbench.getState().notify('error', e.message);
    },
    [setError],
  );
}
