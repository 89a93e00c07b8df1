/** The `auth_token=…` pair out of a Set-Cookie header (attributes dropped), or null. */
export function authCookie(setCookie: string | undefined): string | null {
  const match = /(?:^|[,\s])(auth_token=[^;,\s]+)/.exec(setCookie ?? '');
  return match ? match[1] : null;
}

/** The token a magic link carries, or null when the text is no such link. */
export function tokenOf(link: string): string | null {
  const match = /^https?:\/\/[^\s?#]+\?(?:[^#\s]*&)?token=([^&#\s]+)/.exec(link.trim());
  return match ? decodeURIComponent(match[1]) : null;
}

/** A server's error body (`{error: {code}}` or `{error: "…"}`) in a few words, else its JSON. */
export function describeErrorBody(body: unknown): string {
  if (body && typeof body === 'object' && 'error' in body) {
    const e = (body as { error: unknown }).error;
    return typeof e === 'object' && e && 'code' in e ? String((e as { code: unknown }).code) : String(e);
  }
  return JSON.stringify(body);
}
