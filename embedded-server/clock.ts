/**
 * The server's notion of "now". Every expiry and rate-window computation reads it, and SQL
 * receives its value as a parameter (never `now()`), so the dev API can move time forward
 * without anyone waiting fifteen minutes.
 */
export interface Clock {
  now(): Date;
  /** Moves the clock forward; returns the new time. */
  advance(ms: number): Date;
  /** Back to the real time (used by the dev reset). */
  reset(): void;
}

export function createClock(source: () => number = Date.now): Clock {
  let offsetMs = 0;
  return {
    now: () => new Date(source() + offsetMs),
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
      offsetMs += ms;
      return new Date(source() + offsetMs);
    },
    reset() {
      offsetMs = 0;
    },
  };
}
