import { useState } from 'react';
import { authCookie, describeErrorBody as describe, tokenOf } from '../../../core/present/sign-in-link.js';
import { client } from '../client/current.js';

export type SignIn = { state: 'signed-in'; email: string; userId: string } | { state: 'failed'; message: string };

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
