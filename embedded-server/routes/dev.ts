import { Router } from 'express';
import type { AppContext } from '../context.js';
import { listOutboxEmails } from '../db/queries/email-outbox.js';
import { listTokens } from '../db/queries/magic-link-tokens.js';
import { truncateAll } from '../db/queries/reset.js';
import { insertUser, setUserStatus } from '../db/queries/users.js';
import { withTransaction } from '../db/pool.js';
import { seedDemoUsers } from '../db/seed.js';
import { sendError } from '../http/respond.js';
import {
  devClockBody,
  devCreateUserBody,
  devEmailFailuresBody,
  devOutboxQuery,
  devSetStatusBody,
  devTokensQuery,
} from '../http/schemas.js';
import { parseOr400 } from '../http/validate.js';
import { hashPassword } from '../passwords.js';

/** The dev control API (`--dev` only): what the workbench and the tests use to watch and steer the server. */
export function devRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/__dev/outbox', async (req, res) => {
    const query = parseOr400(devOutboxQuery, req.query, res);
    if (!query) return;
    const rows = await listOutboxEmails(ctx.pool, query.to);
    res.json(rows.map((r) => ({ id: r.id, to: r.to_address, subject: r.subject, htmlBody: r.html_body, sentAt: r.sent_at })));
  });

  router.get('/__dev/tokens', async (req, res) => {
    const query = parseOr400(devTokensQuery, req.query, res);
    if (!query) return;
    res.json(await listTokens(ctx.pool, query.email));
  });

  router.post('/__dev/email-failures', (req, res) => {
    const body = parseOr400(devEmailFailuresBody, req.body, res);
    if (!body) return;
    ctx.emailFailures.failNext(body.count);
    res.json({ pending: ctx.emailFailures.pendingFailures() });
  });

  router.get('/__dev/clock', (_req, res) => {
    res.json({ now: ctx.clock.now().toISOString() });
  });

  router.post('/__dev/clock', (req, res) => {
    const body = parseOr400(devClockBody, req.body, res);
    if (!body) return;
    res.json({ now: ctx.clock.advance(body.advanceMs).toISOString() });
  });

  router.post('/__dev/users', async (req, res) => {
    const body = parseOr400(devCreateUserBody, req.body, res);
    if (!body) return;
    const userId = await insertUser(ctx.pool, {
      email: body.email,
      passwordHash: body.password === undefined ? null : await hashPassword(body.password),
      status: body.status,
      now: ctx.clock.now(),
    });
    if (userId === null) sendError(res, 409, 'USER_EXISTS');
    else res.status(201).json({ userId });
  });

  router.patch('/__dev/users', async (req, res) => {
    const body = parseOr400(devSetStatusBody, req.body, res);
    if (!body) return;
    const userId = await setUserStatus(ctx.pool, body.email, body.status, ctx.clock.now());
    if (userId === null) sendError(res, 404, 'USER_NOT_FOUND');
    else res.json({ userId, status: body.status });
  });

  router.get('/__dev/logs', (_req, res) => {
    if (!ctx.logBuffer) {
      sendError(res, 404, 'LOGS_UNAVAILABLE');
      return;
    }
    res.json(ctx.logBuffer.entries());
  });

  router.post('/__dev/reset', async (_req, res) => {
    ctx.clock.reset();
    ctx.logBuffer?.clear();
    ctx.emailFailures.failNext(0);
    await withTransaction(ctx.pool, async (client) => {
      await truncateAll(client);
      await seedDemoUsers(client, ctx.clock);
    });
    ctx.logger.info('dev reset');
    res.status(204).end();
  });

  return router;
}
