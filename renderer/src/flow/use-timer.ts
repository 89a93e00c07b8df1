import { useEffect, useState } from 'react';

/** A start/pause stopwatch in seconds, ticking once a second while running. */
export function useTimer() {
  const [elapsed, setElapsed] = useState(0);
  const [running, setRunning] = useState(false);
  useEffect(() => {
    if (!running) return;
    const started = Date.now() - elapsed * 1000;
    const id = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(id);
    // `elapsed` is read once when the timer (re)starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running]);
  return { elapsed, running, toggle: () => setRunning((r) => !r), reset: () => (setRunning(false), setElapsed(0)) };
}

export function clock(seconds: number): string {
  const s = Math.abs(seconds);
  return `${seconds < 0 ? '-' : ''}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
