import type { Request, Response } from 'express';
import type { AppContext } from '../context.js';
import { SESSION_TTL_SECONDS, signSession, verifySession } from '../jwt.js';

export const SESSION_COOKIE = 'auth_token';

/** The one way a session starts, for password login and magic link alike. */
export function setSessionCookie(ctx: AppContext, res: Response, userId: string): void {
  res.cookie(SESSION_COOKIE, signSession(userId, ctx.clock.now(), ctx.jwtSecret), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: ctx.secureCookies,
    maxAge: SESSION_TTL_SECONDS * 1000,
  });
}

/** The session's userId, or null without a valid cookie. */
export function sessionUserId(ctx: AppContext, req: Request): string | null {
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  if (!token) return null;
  return verifySession(token, ctx.clock.now(), ctx.jwtSecret)?.sub ?? null;
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}
