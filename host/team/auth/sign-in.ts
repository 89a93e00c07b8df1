import { findAccountByEmail, type StoredAccount } from '../../db/pg/queries/accounts.js';
import { recentSignInFailures, recordSignInAttempt } from '../../db/pg/queries/sign-in-attempts.js';
import { addMs, type AuthContext } from './context.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { retryAfterSeconds } from './policy.js';
import { emailDomain, emailKey } from './tokens.js';

export type SignInOutcome = { kind: 'ok'; account: StoredAccount } | { kind: 'failed' } | { kind: 'limited'; retryAfterSeconds: number };

/** Seconds until this address or client may try again, or null while both are under their limits. */
async function limitedFor(ctx: AuthContext, key: string, client: string, at: Date): Promise<number | null> {
  const since = addMs(at, -ctx.policy.signInWindowMs);
  const [byEmail, byClient] = await Promise.all([
    recentSignInFailures(ctx.db, 'email', key, since, ctx.policy.failuresPerAccount),
    recentSignInFailures(ctx.db, 'client', client, since, ctx.policy.failuresPerClient),
  ]);
  const waits = [
    retryAfterSeconds(byEmail, ctx.policy.failuresPerAccount, ctx.policy.signInWindowMs, at),
    retryAfterSeconds(byClient, ctx.policy.failuresPerClient, ctx.policy.signInWindowMs, at),
  ].filter((w): w is number => w !== null);
  return waits.length ? Math.max(...waits) : null;
}

/**
 * Email and password sign-in. An unknown address, an account without a password yet, a disabled
 * account and a wrong password all fail the same way after one scrypt each (the unknown ones
 * against a dummy hash), so neither the answer nor its time tells them apart. Failures count per
 * typed address (known or not) and per client address; over either limit the answer is `limited`
 * without checking the password.
 */
export async function passwordSignIn(ctx: AuthContext, input: { email: string; password: string; client: string }): Promise<SignInOutcome> {
  const at = ctx.now();
  const key = emailKey(input.email);
  const wait = await limitedFor(ctx, key, input.client, at);
  if (wait !== null) {
    ctx.log.warn({ event: 'sign-in.rate-limited', emailDomain: emailDomain(input.email), retryAfterSeconds: wait }, 'sign-in rate limited');
    return { kind: 'limited', retryAfterSeconds: wait };
  }
  const account = await findAccountByEmail(ctx.db, input.email);
  const usable = account && !account.disabled && account.passwordHash ? account : null;
  const matches = await verifyPassword(input.password, usable?.passwordHash ?? (await dummyPasswordHash()));
  const ok = Boolean(usable && matches);
  await recordSignInAttempt(ctx.db, { emailKey: key, clientAddress: input.client, succeeded: ok, at });
  if (!ok || !usable) {
    ctx.log.warn({ event: 'sign-in.failed', emailDomain: emailDomain(input.email) }, 'sign-in failed');
    return { kind: 'failed' };
  }
  ctx.log.info({ event: 'sign-in.succeeded', accountId: usable.id }, 'signed in with a password');
  return { kind: 'ok', account: usable };
}
