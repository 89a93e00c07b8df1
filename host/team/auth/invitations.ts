import { HostError } from '../../common/host-error.js';
import {
  consumeInvitation,
  findAccountById,
  insertInvitation,
  invitationState,
  replaceOpenInvitations,
  setPasswordHash,
  upsertAccount,
  type StoredAccount,
} from '../../db/pg/queries/accounts.js';
import { endAccountSessions } from '../../db/pg/queries/sessions.js';
import type { TeamRole } from '../team-types.js';
import { addMs, type AuthContext } from './context.js';
import { hashPassword } from './passwords.js';
import { firstIssue, inviteInputSchema } from './schemas.js';
import { emailDomain, newToken, tokenHash, TOKEN_PATTERN } from './tokens.js';

export type ClosedInvitation = 'used' | 'expired' | 'replaced' | 'unknown' | 'disabled';

/** Why a link cannot be used, for the page the invitee sees (the edge case "invitation link reused or expired"). */
export const INVITATION_REFUSALS: Record<ClosedInvitation, string> = {
  used: 'This invitation link has already been used.',
  expired: 'This invitation link has expired.',
  replaced: 'This invitation link was replaced by a newer invitation.',
  unknown: 'This invitation link is not valid.',
  disabled: 'This account is disabled.',
};

/** Thrown inside the transaction to roll the consumed invitation back. */
class DisabledAccount extends Error {}

export interface Invitation {
  link: string;
  expiresAt: string;
  account: StoredAccount;
}

/**
 * Creates the account (or updates the role, and the name when given, of the one with this address)
 * and issues a one-time link. Only the token's SHA-256 is stored; earlier unused invitations of the
 * account stop working, so a re-invite is also how an admin resets a forgotten password.
 */
export async function inviteAccount(ctx: AuthContext, input: { email: string; role: TeamRole; name?: string }): Promise<Invitation> {
  const parsed = inviteInputSchema.safeParse(input);
  if (!parsed.success) throw new HostError('INVALID_ARGUMENTS', firstIssue(parsed.error));
  const { email, role, name } = parsed.data;
  const token = newToken();
  const at = ctx.now();
  const expiresAt = addMs(at, ctx.policy.invitationTtlMs);
  const account = await ctx.db.tx(async (q) => {
    const saved = await upsertAccount(q, { email, role, name: name ?? null, defaultName: email.slice(0, email.lastIndexOf('@')) || email, at });
    await replaceOpenInvitations(q, saved.id, at);
    await insertInvitation(q, { tokenHash: tokenHash(token), accountId: saved.id, at, expiresAt });
    return saved;
  });
  ctx.log.info({ event: 'invitation.created', accountId: account.id, role, emailDomain: emailDomain(email) }, 'invitation created');
  return { link: `${ctx.publicBase}/auth/invite/${token}`, expiresAt: expiresAt.toISOString(), account };
}

/** The account an open invitation is for, or why the link cannot be used. Reads only. */
export async function inspectInvitation(ctx: AuthContext, token: string): Promise<{ open: StoredAccount } | { closed: ClosedInvitation }> {
  if (!TOKEN_PATTERN.test(token)) return { closed: 'unknown' };
  const found = await invitationState(ctx.db, tokenHash(token), ctx.now());
  if (!found) return { closed: 'unknown' };
  if (found.state !== 'open') return { closed: found.state };
  const account = await findAccountById(ctx.db, found.accountId);
  if (!account) return { closed: 'unknown' };
  return account.disabled ? { closed: 'disabled' } : { open: account };
}

/**
 * Sets the password and consumes the invitation in one transaction; the consuming UPDATE matches
 * only an open invitation, so of two submissions of one link exactly one succeeds. Sessions the
 * account had before end (the invitation may be a reset after a lost password).
 */
export async function acceptInvitation(ctx: AuthContext, token: string, password: string): Promise<{ account: StoredAccount } | { closed: ClosedInvitation }> {
  if (!TOKEN_PATTERN.test(token)) return { closed: 'unknown' };
  const hash = await hashPassword(password);
  const at = ctx.now();
  const hashOfToken = tokenHash(token);
  const result = await ctx.db
    .tx(async (q): Promise<{ account: StoredAccount } | { closed: ClosedInvitation }> => {
    const accountId = await consumeInvitation(q, hashOfToken, at);
    if (!accountId) {
      const found = await invitationState(q, hashOfToken, at);
      return { closed: !found || found.state === 'open' ? 'unknown' : found.state };
    }
    const account = await findAccountById(q, accountId);
    if (!account || account.disabled) throw new DisabledAccount();
    await setPasswordHash(q, accountId, hash, at);
    await endAccountSessions(q, accountId, at);
    return { account };
  })
    .catch((error: unknown) => {
      if (error instanceof DisabledAccount) return { closed: 'disabled' as const };
      throw error;
    });
  if ('closed' in result) ctx.log.warn({ event: 'invitation.refused', reason: result.closed }, 'invitation link refused');
  else ctx.log.info({ event: 'invitation.accepted', accountId: result.account.id }, 'invitation accepted, password set');
  return result;
}
