import { Router } from 'express';
import type { AppContext } from '../context.js';
import { sendError } from '../http/respond.js';
import { magicLinkRequestBody, magicLinkVerifyBody } from '../http/schemas.js';
import { setSessionCookie } from '../http/session-cookie.js';
import { parseOr400 } from '../http/validate.js';
import { requestMagicLink } from '../magic-link/request-link.js';
import { verifyMagicLink } from '../magic-link/verify-link.js';

export const ACCEPTED_MESSAGE = 'If that email is registered, a link has been sent.';

export function magicLinkRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post('/auth/magic-link/request', async (req, res) => {
    const body = parseOr400(magicLinkRequestBody, req.body, res);
    if (!body) return;
    switch (await requestMagicLink(ctx, body.email)) {
      case 'accepted':
        res.status(202).json({ message: ACCEPTED_MESSAGE });
        return;
      case 'rate-limited':
        sendError(res, 429, 'RATE_LIMIT_EXCEEDED');
        return;
      case 'email-failed':
        sendError(res, 503, 'EMAIL_SEND_FAILED');
        return;
      case 'unknown-email':
        sendError(res, 404, 'USER_NOT_FOUND');
        return;
    }
  });

  router.post('/auth/magic-link/verify', async (req, res) => {
    const body = parseOr400(magicLinkVerifyBody, req.body, res);
    if (!body) return;
    const outcome = await verifyMagicLink(ctx, body.token);
    switch (outcome.kind) {
      case 'verified':
        setSessionCookie(ctx, res, outcome.userId);
        res.status(200).json({ userId: outcome.userId });
        return;
      case 'invalid':
        sendError(res, 400, 'TOKEN_INVALID');
        return;
      case 'expired':
        sendError(res, 400, 'TOKEN_EXPIRED');
        return;
      case 'used':
        sendError(res, 400, 'TOKEN_USED');
        return;
      case 'suspended':
        sendError(res, 403, 'ACCOUNT_SUSPENDED');
        return;
    }
  });

  return router;
}
