import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../context.js';
import { withTransaction } from '../db/pool.js';
import { invalidateUserTokens } from '../db/queries/magic-link-tokens.js';
import { findUserByEmail, findUserById, setPasswordHash, type UserRow } from '../db/queries/users.js';
import { sendError } from '../http/respond.js';
import { changePasswordBody, loginBody } from '../http/schemas.js';
import { sessionUserId, setSessionCookie } from '../http/session-cookie.js';
import { parseOr400 } from '../http/validate.js';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../passwords.js';

/** The existing app the magic link is added to: password login, the session check, password change. */
export function authRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post('/auth/login', async (req, res) => {
    const body = parseOr400(loginBody, req.body, res);
    if (!body) return;
    const user = await findUserByEmail(ctx.pool, body.email);
    // Always one scrypt, so a login does not reveal which emails have a password.
    const matches = await verifyPassword(body.password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
    if (!user || user.password_hash === null || user.status !== 'active' || !matches) {
      sendError(res, 401, 'INVALID_CREDENTIALS');
      return;
    }
    setSessionCookie(ctx, res, user.id);
    ctx.logger.info({ userId: user.id }, 'password login');
    res.status(200).json({ userId: user.id });
  });

  router.get('/me', async (req, res) => {
    const user = await authenticatedUser(ctx, req, res);
    if (user) res.status(200).json({ userId: user.id, email: user.email });
  });

  router.post('/auth/password', async (req, res) => {
    const user = await authenticatedUser(ctx, req, res);
    if (!user) return;
    const body = parseOr400(changePasswordBody, req.body, res);
    if (!body) return;
    const passwordHash = await hashPassword(body.password);
    const now = ctx.clock.now();
    const invalidatedLinks = await withTransaction(ctx.pool, async (client) => {
      await setPasswordHash(client, user.id, passwordHash, now);
      return invalidateUserTokens(client, user.id, now);
    });
    ctx.logger.info({ userId: user.id, invalidatedLinks }, 'password changed');
    res.status(204).end();
  });

  return router;
}

/** The active user behind the session cookie, or null after answering 401. */
async function authenticatedUser(ctx: AppContext, req: Request, res: Response): Promise<UserRow | null> {
  const userId = sessionUserId(ctx, req);
  const user = userId ? await findUserById(ctx.pool, userId) : null;
  if (!user || user.status !== 'active') {
    sendError(res, 401, 'UNAUTHENTICATED');
    return null;
  }
  return user;
}
