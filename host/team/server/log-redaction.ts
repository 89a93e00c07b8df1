/**
 * What may reach the team server's log about a person or a secret. Emails keep their first letter
 * and domain (enough to tell accounts apart when reading a log, too little to harvest); tokens in a
 * path (an invitation or magic link) are replaced; query strings never reach the log at all.
 */
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
/** A path segment that looks like a random token: 20+ characters of base64url/hex with a digit or mixed case. */
const TOKEN_SEGMENT = /^(?=.*[0-9])[A-Za-z0-9_-]{20,}$|^(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9_-]{20,}$/;

/** `alice@example.com` → `a***@example.com`. */
export function redactEmail(email: string): string {
  return email.replace(EMAIL, (_match, first: string, domain: string) => `${first}***@${domain}`);
}

/** Any text (an error message, a path) with every email in it redacted. */
export function scrubText(text: string): string {
  return redactEmail(text);
}

/** The path of a request URL for the log: no query string, token-like segments and emails replaced. */
export function loggablePath(rawUrl: string): string {
  const path = rawUrl.split(/[?#]/, 1)[0] ?? '/';
  const segments = path.split('/').map((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // a malformed escape is logged as sent
    }
    return TOKEN_SEGMENT.test(decoded) ? ':redacted' : redactEmail(segment).slice(0, 200);
  });
  return segments.join('/').slice(0, 500);
}
