import { useState } from 'react';
import { client } from '../client/current.js';

export type SignIn = { state: 'signed-in'; email: string; userId: string } | { state: 'failed'; message: string };

/** The `auth_token=…` pair out of a Set-Cookie header (attributes dropped), or null. */
export function authCookie(setCookie: string | undefined): string | null {
  const match = /(?:^|[,\s])(auth_token=[^;,\s]+)/.exec(setCookie ?? '');
  return match ? match[1] : null;
}

/** The token a magic link carries, or null when the text is no such link. */
export function tokenOf(link: string): string | null {
  try {
    return new URL(link).searchParams.get('token');
  } catch {
    return null;
  }
}

function describe(body: unknown): string {
  if (body && typeof body === 'object' && 'error' in body) {
    const e = (body as { error: unknown }).error;
    return typeof e === 'object' && e && 'code' in e ? String((e as { code: unknown }).code) : String(e);
  }
  return JSON.stringify(body);
}

/**
 * "Sign in with this link": what the verify page's button does (POST the token), then
 * `GET /me` with the cookie it set, all through `server.request` so it reaches only the
 * embedded server. The result is the signed-in user, or the server's refusal in words.
 */
export function useSignIn() {
  const [signIn, setSignIn] = useState<SignIn | null>(null);
  const run = async (link: string) => {
    const token = tokenOf(link);
    if (!token) return setSignIn({ state: 'failed', message: 'this link carries no token' });
    const verify = await client().call('server.request', { method: 'POST', path: '/auth/magic-link/verify', body: { token } });
    const cookie = authCookie(verify.headers['set-cookie']);
    if (verify.status !== 200 || !cookie) return setSignIn({ state: 'failed', message: `verify answered ${verify.status} ${describe(verify.body)}` });
    const me = await client().call('server.request', { method: 'GET', path: '/me', headers: { Cookie: cookie } });
    const user = me.body as { userId?: unknown; email?: unknown } | null;
    if (me.status !== 200 || !user) return setSignIn({ state: 'failed', message: `GET /me answered ${me.status} ${describe(me.body)}` });
    setSignIn({ state: 'signed-in', email: String(user.email), userId: String(user.userId) });
  };
  return { signIn, runSignIn: run, clearSignIn: () => setSignIn(null) };
}
