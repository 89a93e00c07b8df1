import { findAccountByEmail, findAccountById, type StoredAccount } from '../../db/pg/queries/accounts.js';
import {
  consumeMagicLinkToken,
  deleteMagicLinkToken,
  insertMagicLinkToken,
  magicLinkState,
  recentMagicLinkRequests,
  recordMagicLinkRequest,
} from '../../db/pg/queries/magic-links.js';
import { addMs, type AuthContext } from './context.js';
import type { Mailer } from './mailer.js';
import { escapeHtml } from './pages.js';
import { retryAfterSeconds } from './policy.js';
import { emailDomain, emailKey, newToken, tokenHash, TOKEN_PATTERN } from './tokens.js';

/** The one answer to every accepted request, registered address or not (samples/magic-link-hardened.md FR-2). */
export const MAGIC_LINK_SENT = 'If that email is registered, a link has been sent.';

export type MagicLinkRequestOutcome = { kind: 'accepted' } | { kind: 'limited'; retryAfterSeconds: number } | { kind: 'send-failed' };

/**
 * A sign-in link by email. Every request counts against the typed address's limit (known or not,
 * so the 429 does not reveal accounts either); an active account gets a fresh single-use token
 * (its SHA-256 stored, its earlier unused links retired) mailed before the answer. A failed send
 * deletes the token: no live link exists that nobody received.
 */
export async function requestMagicLink(ctx: AuthContext, mailer: Mailer, email: string): Promise<MagicLinkRequestOutcome> {
  const at = ctx.now();
  const key = emailKey(email);
  const domain = emailDomain(email);
  ctx.log.info({ event: 'magic-link.requested', emailDomain: domain }, 'magic link requested');
  const recent = await recentMagicLinkRequests(ctx.db, key, addMs(at, -ctx.policy.magicLinkWindowMs), ctx.policy.magicLinkRequestsPerAddress);
  const wait = retryAfterSeconds(recent, ctx.policy.magicLinkRequestsPerAddress, ctx.policy.magicLinkWindowMs, at);
  if (wait !== null) {
    ctx.log.warn({ event: 'magic-link.rate-limited', emailDomain: domain, retryAfterSeconds: wait }, 'magic link rate limited');
    return { kind: 'limited', retryAfterSeconds: wait };
  }
  await recordMagicLinkRequest(ctx.db, key, at);
  const account = await findAccountByEmail(ctx.db, email);
  if (!account || account.disabled) return { kind: 'accepted' };
  const token = newToken();
  const id = await ctx.db.tx((q) => insertMagicLinkToken(q, { accountId: account.id, tokenHash: tokenHash(token), at, expiresAt: addMs(at, ctx.policy.magicLinkTtlMs) }));
  const link = `${ctx.publicBase}/auth/magic/${token}`;
  const minutes = Math.round(ctx.policy.magicLinkTtlMs / 60_000);
  try {
    await mailer.send({
      to: account.email,
      subject: 'Your Specbench sign-in link',
      text: `Sign in to Specbench with this link (it works once, for ${minutes} minutes):\n\n${link}\n\nIf you did not ask for it, ignore this email.`,
      html: `<p>Sign in to Specbench with this link (it works once, for ${minutes} minutes):</p><p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p><p>If you did not ask for it, ignore this email.</p>`,
    });
  } catch (error) {
    await deleteMagicLinkToken(ctx.db, id);
    // The relay's error text can quote the recipient; only its code is logged.
    ctx.log.error({ event: 'magic-link.send-failed', emailDomain: domain, code: (error as { code?: string }).code ?? 'unknown' }, 'magic link email could not be sent');
    return { kind: 'send-failed' };
  }
  ctx.log.info({ event: 'magic-link.sent', accountId: account.id, emailDomain: domain }, 'magic link sent');
  return { kind: 'accepted' };
}

export type ClosedMagicLink = 'used' | 'expired' | 'unknown';

export const MAGIC_LINK_REFUSALS: Record<ClosedMagicLink, string> = {
  used: 'This sign-in link has already been used (or a newer link was sent).',
  expired: 'This sign-in link has expired.',
  unknown: 'This sign-in link is not valid.',
};

/** Whether the link can still sign in, without using it up (opening the link shows a button). */
export async function inspectMagicLink(ctx: AuthContext, token: string): Promise<'open' | ClosedMagicLink> {
  const state = (TOKEN_PATTERN.test(token) && (await magicLinkState(ctx.db, tokenHash(token), ctx.now()))) || 'unknown';
  if (state !== 'open') ctx.log.warn({ event: 'magic-link.refused', reason: state }, 'magic link refused');
  return state;
}

/** Uses the link up (one UPDATE that matches only an open token: of concurrent uses exactly one wins). */
export async function consumeMagicLink(ctx: AuthContext, token: string): Promise<{ account: StoredAccount } | { closed: ClosedMagicLink }> {
  let closed: ClosedMagicLink = 'unknown';
  if (TOKEN_PATTERN.test(token)) {
    const at = ctx.now();
    const hash = tokenHash(token);
    const accountId = await consumeMagicLinkToken(ctx.db, hash, at);
    const account = accountId ? await findAccountById(ctx.db, accountId) : null;
    if (account && !account.disabled) {
      ctx.log.info({ event: 'magic-link.verified', accountId: account.id }, 'signed in with a magic link');
      return { account };
    }
    const state = accountId ? 'unknown' : await magicLinkState(ctx.db, hash, at);
    closed = state === null || state === 'open' ? 'unknown' : state;
  }
  ctx.log.warn({ event: 'magic-link.refused', reason: closed }, 'magic link refused');
  return { closed };
}
