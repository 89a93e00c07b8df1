import type { IncomingMessage } from 'node:http';
import { endAccountSessions, endSession, findLiveSession, insertSession, touchSession } from '../../db/pg/queries/sessions.js';
import type { RequestActor } from '../team-types.js';
import { addMs, type AuthContext } from './context.js';
import { readCookie, SESSION_COOKIE, sessionCookie } from './cookies.js';
import { newToken, tokenHash, TOKEN_PATTERN } from './tokens.js';

export type AuthenticatedActor = RequestActor & { csrfToken: string };

/** Starts a session for the account: the `Set-Cookie` value and the session's CSRF token. */
export async function startSession(ctx: AuthContext, accountId: string): Promise<{ setCookie: string; csrfToken: string; sessionId: string }> {
  const token = newToken();
  const csrfToken = newToken();
  const at = ctx.now();
  const idHash = tokenHash(token);
  await insertSession(ctx.db, {
    idHash,
    accountId,
    csrfToken,
    at,
    idleExpiresAt: addMs(at, Math.min(ctx.policy.sessionIdleMs, ctx.policy.sessionAbsoluteMs)),
    absoluteExpiresAt: addMs(at, ctx.policy.sessionAbsoluteMs),
  });
  ctx.log.info({ event: 'session.started', accountId }, 'session started');
  return { setCookie: sessionCookie(token, Math.floor(ctx.policy.sessionAbsoluteMs / 1000), ctx.secureCookies), csrfToken, sessionId: idHash };
}

/** The session hash of the request's cookie, when the cookie has the shape of one of ours. */
export function sessionHashOf(req: IncomingMessage): string | null {
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  return token && TOKEN_PATTERN.test(token) ? tokenHash(token) : null;
}

/**
 * The caller of a request with a live session, else null. Activity moves the idle expiry, written
 * at most once per `sessionTouchMs` so that every API call is not also a database write.
 * `sessionId` is the session's hash: it names the session in logs and events but cannot be used as a cookie.
 */
export async function authenticateRequest(ctx: AuthContext, req: IncomingMessage): Promise<AuthenticatedActor | null> {
  const idHash = sessionHashOf(req);
  if (!idHash) return null;
  const at = ctx.now();
  const session = await findLiveSession(ctx.db, idHash, at);
  if (!session) return null;
  if (at.getTime() - session.lastSeenAt.getTime() >= ctx.policy.sessionTouchMs) {
    await touchSession(ctx.db, idHash, at, addMs(at, ctx.policy.sessionIdleMs));
  }
  return { account: session.account, sessionId: idHash, csrfToken: session.csrfToken };
}

export async function endSessionById(ctx: AuthContext, sessionId: string): Promise<boolean> {
  const ended = await endSession(ctx.db, sessionId, ctx.now());
  if (ended) ctx.log.info({ event: 'session.ended' }, 'session ended');
  return ended;
}

export async function endSessionsOf(ctx: AuthContext, accountId: string): Promise<number> {
  return endAccountSessions(ctx.db, accountId, ctx.now());
}
