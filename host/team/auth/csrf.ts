import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header a script client sends the session's CSRF token in (forms send the field `csrf`). */
// The same header the API route checks and the renderer sends: one CSRF header for the whole server.
export const CSRF_HEADER = 'x-specbench-token';
export const CSRF_FIELD = 'csrf';

export function csrfMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function csrfHeader(req: IncomingMessage): string | undefined {
  const value = req.headers[CSRF_HEADER];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A state-changing request that another site's page sent. `Sec-Fetch-Site` decides when the
 * browser sends it (every current browser; page scripts cannot forge it): only `same-origin` (and
 * `none`, a user's own action) pass. Otherwise `Origin`, when present, must be ours — `null` is
 * not, though a browser under `Referrer-Policy: no-referrer` sends it even for its own origin,
 * which is why `Sec-Fetch-Site` is asked first. Requests with neither (curl, the desktop client)
 * are judged by their cookie and CSRF token alone. This stops login CSRF, which SameSite cannot
 * (sign-in has no cookie yet).
 */
export function crossSite(req: IncomingMessage, publicOrigin: string): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  return origin !== undefined && origin !== publicOrigin;
}
