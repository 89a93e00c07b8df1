/** The session cookie: the random session token; the database holds only its SHA-256. */
export const SESSION_COOKIE = 'specbench_session';

/** The value of one cookie from a `Cookie` header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Path=/, Secure
 * unless the server runs plain HTTP on loopback. Max-Age is the absolute lifetime; idle expiry
 * is enforced by the server, which is the only authority on a session.
 */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${SESSION_COOKIE}=${token}`, 'HttpOnly', ...(secure ? ['Secure'] : []), 'SameSite=Strict', 'Path=/', `Max-Age=${maxAgeSeconds}`].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, 'HttpOnly', ...(secure ? ['Secure'] : []), 'SameSite=Strict', 'Path=/', 'Max-Age=0'].join('; ');
}
