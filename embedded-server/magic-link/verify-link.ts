import { setTimeout as delay } from 'node:timers/promises';
import type { AppContext } from '../context.js';
import {
  consumeToken,
  findTokenState,
  markTokenUsedUnconditionally,
  type TokenState,
} from '../db/queries/magic-link-tokens.js';
import { findUserById } from '../db/queries/users.js';
import { isWellFormedToken, storedTokenValue } from '../tokens.js';

export type VerifyOutcome =
  | { kind: 'verified'; userId: string }
  | { kind: 'invalid' | 'expired' | 'used' | 'suspended' };

/**
 * POST /auth/magic-link/verify. The token must be exactly 64 lower-case hex characters. A valid
 * token is consumed by one conditional UPDATE; only when that misses is the row read to say why.
 */
export async function verifyMagicLink(ctx: AppContext, token: string): Promise<VerifyOutcome> {
  const { defect, logger, clock, pool } = ctx;
  if (!isWellFormedToken(token, defect)) {
    logger.warn({ reason: 'malformed' }, 'invalid token presented');
    return { kind: 'invalid' };
  }
  const tokenValue = storedTokenValue(token, defect);
  const now = clock.now();

  if (defect === 'verify-race') return verifyWithoutCondition(ctx, tokenValue, now);

  const variant = defect === 'token-reuse' ? 'ignore-used' : defect === 'no-expiry' ? 'ignore-expiry' : 'correct';
  const consumed = await consumeToken(pool, tokenValue, now, variant);
  if (consumed) {
    logger.info({ userId: consumed.user_id, tokenId: consumed.id }, 'token verified');
    return { kind: 'verified', userId: consumed.user_id };
  }
  return explainMiss(ctx, await findTokenState(pool, tokenValue), now);
}

function explainMiss(ctx: AppContext, state: TokenState | null, now: Date): VerifyOutcome {
  const { logger } = ctx;
  if (!state) {
    logger.warn({ reason: 'unknown' }, 'invalid token presented');
    return { kind: 'invalid' };
  }
  const ids = { userId: state.user_id, tokenId: state.id };
  // An invalidated link is marked used, so it answers TOKEN_USED like a consumed one.
  if (state.used_at !== null) {
    logger.warn(ids, 'used token presented');
    return { kind: 'used' };
  }
  if (state.expires_at.getTime() <= now.getTime()) {
    logger.warn(ids, 'expired token presented');
    return { kind: 'expired' };
  }
  if (state.user_status !== 'active') {
    logger.warn(ids, 'token of a suspended account presented');
    return { kind: 'suspended' };
  }
  // Unused, unexpired and active, yet the UPDATE missed: the row changed in between (a concurrent
  // verify won, then was rolled back, or the user was reactivated). Refusing is the safe answer.
  logger.warn(ids, 'used token presented');
  return { kind: 'used' };
}

const RACE_WINDOW_MS = 50;

/** The `verify-race` defect: check in JavaScript, then write without a condition. */
async function verifyWithoutCondition(ctx: AppContext, tokenValue: string, now: Date): Promise<VerifyOutcome> {
  const state = await findTokenState(ctx.pool, tokenValue);
  if (!state || state.used_at !== null || state.expires_at.getTime() <= now.getTime()) return explainMiss(ctx, state, now);
  const user = await findUserById(ctx.pool, state.user_id);
  if (!user || user.status !== 'active') return explainMiss(ctx, { ...state, user_status: 'suspended' }, now);
  // The window between the check and the write: in production a slow query or a GC pause opens it;
  // here it is held open for a moment so the defect shows on any machine, however loaded, and a
  // mutation score does not depend on how the scheduler happened to interleave the requests.
  await delay(RACE_WINDOW_MS);
  await markTokenUsedUnconditionally(ctx.pool, state.id, now);
  ctx.logger.info({ userId: state.user_id, tokenId: state.id }, 'token verified');
  return { kind: 'verified', userId: state.user_id };
}
