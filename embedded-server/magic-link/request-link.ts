import type { AppContext } from '../context.js';
import { isDatabaseUnavailableError } from '../db/availability.js';
import { withTransaction } from '../db/pool.js';
import { deleteToken, discardDecoyToken } from '../db/queries/magic-link-tokens.js';
import { countRequestsSince, lockAddress, recordRequestAndIssueToken } from '../db/queries/magic-link-requests.js';
import { DECOY_USER } from '../db/seed.js';
import { findUserByEmail } from '../db/queries/users.js';
import { magicLinkUrl, renderMagicLinkEmail } from '../email/magic-link-email.js';
import { emailDomain } from '../log.js';
import { generateToken, storedTokenValue } from '../tokens.js';
import { RATE_LIMIT_MAX_REQUESTS, RATE_LIMIT_WINDOW_MS, TOKEN_TTL_MS } from './policy.js';

export type RequestOutcome = 'accepted' | 'rate-limited' | 'email-failed' | 'unknown-email';

/**
 * POST /auth/magic-link/request for a normalised email. Registered or not, the address goes
 * through the same steps — a token is generated, hashed and inserted (for the decoy user when
 * nobody eligible owns the address), the request is counted and recorded, the email is rendered,
 * and one single-row write ends it (the outbox insert, or deleting the decoy's token) — so
 * neither the answer nor its timing tells them apart.
 * ('unknown-email' is only returned under the `enumeration-404` defect.)
 */
export async function requestMagicLink(ctx: AppContext, email: string): Promise<RequestOutcome> {
  const { defect, logger, clock, pool } = ctx;
  const who = defect === 'logs-full-email' ? { email } : { emailDomain: emailDomain(email) };
  logger.info(who, 'magic link request received');

  if (defect === 'timing-leak' && !(await findUserByEmail(pool, email))) return 'accepted';

  const rawToken = generateToken(defect);
  const tokenValue = storedTokenValue(rawToken, defect);
  const now = clock.now();

  const issued = await withTransaction(pool, async (client) => {
    await lockAddress(client, email);
    if (defect !== 'no-rate-limit') {
      const recent = await countRequestsSince(client, email, new Date(now.getTime() - RATE_LIMIT_WINDOW_MS));
      if (recent >= RATE_LIMIT_MAX_REQUESTS) return null;
    }
    return recordRequestAndIssueToken(
      client,
      {
        email,
        now,
        storedTokenValue: tokenValue,
        expiresAt: new Date(now.getTime() + TOKEN_TTL_MS),
        activeOnly: defect !== 'suspended-gets-link',
        invalidateEarlier: defect !== 'old-links-stay-valid',
      },
      DECOY_USER.id,
    );
  });

  if (!issued) {
    logger.warn(who, 'rate limit hit');
    return 'rate-limited';
  }
  // Rendered on both paths, like the token above: the unknown path must not be the cheaper one.
  const { subject, htmlBody } = renderMagicLinkEmail(magicLinkUrl(ctx.appBaseUrl(), rawToken));
  if (!issued.real) {
    await discardDecoyToken(pool, issued.tokenId);
    // The registered path logs "magic link sent" with two fields; a log line costs a serialisation
    // and a write, so this path writes one of the same shape.
    logger.info({ ...who, reason: issued.userStatus === null ? 'unknown address' : 'account suspended' }, 'magic link not sent');
    return defect === 'enumeration-404' && issued.userStatus === null ? 'unknown-email' : 'accepted';
  }

  const ids = { userId: issued.userId, tokenId: issued.tokenId };
  try {
    await ctx.email.sendTransactional(email, subject, htmlBody);
  } catch (error) {
    // The outbox lives in PostgreSQL: a lost database is the server's 503, not an email failure.
    if (isDatabaseUnavailableError(error)) throw error;
    // Provider errors often quote the recipient, so only the error's type is logged.
    logger.error({ ...ids, errorType: error instanceof Error ? error.name : typeof error }, 'email send failed');
    if (defect === 'email-failure-ignored') return 'accepted';
    await deleteToken(pool, issued.tokenId);
    return 'email-failed';
  }
  logger.info(ids, 'magic link sent');
  return 'accepted';
}
