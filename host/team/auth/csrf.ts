import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header a script client sends the session's CSRF token in (forms send the field `csrf`). */
export const CSRF_HEADER = 'x-specbench-csrf';
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
 * A state-changing request that another site's page sent: its `Origin` (or `Sec-Fetch-Site`)
 * says so. Requests without either (curl, the desktop client) are judged by their cookie and
 * CSRF token alone. This is what stops login CSRF, which SameSite cannot (sign-in has no cookie yet).
 */
export function crossSite(req: IncomingMessage, publicOrigin: string): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = req.headers.origin;
  return origin !== undefined && origin !== publicOrigin;
}
