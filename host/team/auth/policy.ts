/** Lifetimes and limits of team sign-in (issue 15 FR-3); every one can be narrowed per server. */
export interface AuthPolicy {
  /** An invitation link works this long (7 days). */
  invitationTtlMs: number;
  /** A session unused this long ends (12 h). */
  sessionIdleMs: number;
  /** A session ends this long after sign-in, however active (7 days). */
  sessionAbsoluteMs: number;
  /** last_seen_at is written at most this often (1 min), so reads do not become writes. */
  sessionTouchMs: number;
  /** Failed password sign-ins per typed address within the window (5 / 15 min). */
  failuresPerAccount: number;
  /** Failed password sign-ins per client address within the window (20 / 15 min). */
  failuresPerClient: number;
  signInWindowMs: number;
  /** A magic link works this long (15 min). */
  magicLinkTtlMs: number;
  /** Magic-link requests per typed address within the window (5 / 60 min). */
  magicLinkRequestsPerAddress: number;
  magicLinkWindowMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  invitationTtlMs: 7 * DAY,
  sessionIdleMs: 12 * HOUR,
  sessionAbsoluteMs: 7 * DAY,
  sessionTouchMs: MINUTE,
  failuresPerAccount: 5,
  failuresPerClient: 20,
  signInWindowMs: 15 * MINUTE,
  magicLinkTtlMs: 15 * MINUTE,
  magicLinkRequestsPerAddress: 5,
  magicLinkWindowMs: 60 * MINUTE,
};

/**
 * Seconds until a sliding-window limit frees a slot: `times` are the newest `limit` events in the
 * window, newest first; null while under the limit.
 */
export function retryAfterSeconds(times: Date[], limit: number, windowMs: number, now: Date): number | null {
  if (times.length < limit) return null;
  const oldest = times[times.length - 1]!;
  return Math.max(1, Math.ceil((oldest.getTime() + windowMs - now.getTime()) / 1000));
}
