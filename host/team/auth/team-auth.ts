import type { IncomingMessage, ServerResponse } from 'node:http';
import { HostError } from '../../common/host-error.js';
import { findAccountByEmail, listAccounts, setAccountDisabled } from '../../db/pg/queries/accounts.js';
import { deleteMagicLinkRequestsBefore } from '../../db/pg/queries/magic-links.js';
import { deleteDeadSessions, endAccountSessions } from '../../db/pg/queries/sessions.js';
import { deleteSignInAttemptsBefore } from '../../db/pg/queries/sign-in-attempts.js';
import type { PgDatabase } from '../../db/pg/pg-database.js';
import type { Account, RequestActor, TeamRole } from '../team-types.js';
import { addMs, silentLog, type AuthContext, type AuthLog } from './context.js';
import { csrfHeader, csrfMatches } from './csrf.js';
import { inviteAccount } from './invitations.js';
import { createSmtpMailer } from './mailer.js';
import { DEFAULT_AUTH_POLICY, type AuthPolicy } from './policy.js';
import { createAuthRoutes } from './routes.js';
import { emailSchema } from './schemas.js';
import { authenticateRequest } from './sessions.js';

export { CSRF_FIELD, CSRF_HEADER } from './csrf.js';
export { SESSION_COOKIE } from './cookies.js';
export type { AuthLog } from './context.js';
export type { AuthPolicy } from './policy.js';

/** An account as an admin lists it. */
export interface AccountSummary extends Account {
  disabled: boolean;
  /** False until the invitee has set a password. */
  hasPassword: boolean;
  createdAt: string;
}

/** Accounts, invitations, passwords, sessions and sign-in (issue 15 FR-3). */
export interface TeamAuth {
  /**
   * Serves `/auth/*` (sign-in page and POST, invitation, sign-out, session, magic link); false when
   * `url` is not an auth route. A database failure rejects (HostError DATABASE_UNAVAILABLE): the
   * server answers it with 503 like any other request.
   */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /** The caller of a request with a live session cookie (refreshing its idle expiry), else null. */
  authenticate(req: IncomingMessage): Promise<(RequestActor & { csrfToken: string }) | null>;
  /** True when the request carries the session's CSRF token in the `x-specbench-token` header (constant-time). */
  csrfValid(req: IncomingMessage, actor: { csrfToken: string }): boolean;
  /** Creates (or re-invites) an account and returns its one-time invitation link. */
  inviteAccount(input: { email: string; role: TeamRole; name?: string }): Promise<{ link: string; expiresAt: string }>;
  listAccounts(): Promise<AccountSummary[]>;
  /** Disables (ending every session at once) or re-enables the account of an address; NOT_FOUND when there is none. */
  setDisabled(email: string, disabled: boolean): Promise<void>;
  /** Deletes rows that can no longer matter (sessions dead for a day, attempts and requests past every window); also run hourly. */
  prune(): Promise<void>;
  close(): Promise<void>;
}

export interface TeamAuthOptions {
  db: PgDatabase;
  /** The URL users reach the server at; links and cookie scope derive from it. */
  publicUrl: string;
  /** False only for plain HTTP on loopback (tests, a local trial); the Secure flag otherwise. */
  secureCookies: boolean;
  /** When set, sign-in by magic link is offered too. */
  smtpUrl?: string;
  now?: () => Date;
  /** pino's `(fields, message)` shape; silent when omitted. Never receives a password, token, cookie or full address. */
  log?: AuthLog;
  /** The client address sign-in limits count by; the socket's peer unless the server trusts a proxy's header. */
  clientAddress?: (req: IncomingMessage) => string;
  /** The sender of magic-link emails (default `Specbench <no-reply@<public host>>`). */
  mailFrom?: string;
  /** Lifetimes and limits, each defaulting to `DEFAULT_AUTH_POLICY`. */
  policy?: Partial<AuthPolicy>;
}

const HOUR = 3_600_000;

export function createTeamAuth(options: TeamAuthOptions): TeamAuth {
  const publicUrl = URL.parse(options.publicUrl);
  if (!publicUrl || !/^https?:$/.test(publicUrl.protocol)) {
    throw new HostError('INVALID_PUBLIC_URL', `the public URL "${options.publicUrl}" is not an http(s) URL`);
  }
  const ctx: AuthContext = {
    db: options.db,
    policy: { ...DEFAULT_AUTH_POLICY, ...options.policy },
    now: options.now ?? (() => new Date()),
    log: options.log ?? silentLog,
    publicBase: `${publicUrl.origin}${publicUrl.pathname.replace(/\/+$/, '')}`,
    secureCookies: options.secureCookies,
  };
  const mailer = options.smtpUrl ? createSmtpMailer(options.smtpUrl, options.mailFrom ?? `Specbench <no-reply@${publicUrl.hostname}>`) : null;
  const handle = createAuthRoutes({
    ctx,
    publicOrigin: publicUrl.origin,
    mailer,
    clientAddress: options.clientAddress ?? ((req) => req.socket.remoteAddress ?? 'unknown'),
  });

  // Rows that can no longer matter (dead sessions, attempts and requests past every window) are
  // removed hourly; a failure (database away) is retried at the next tick.
  const prune = async () => {
    const before = addMs(ctx.now(), -Math.max(ctx.policy.signInWindowMs, ctx.policy.magicLinkWindowMs, 24 * HOUR));
    await deleteDeadSessions(ctx.db, before);
    await deleteSignInAttemptsBefore(ctx.db, before);
    await deleteMagicLinkRequestsBefore(ctx.db, before);
  };
  const pruning = setInterval(() => prune().catch(() => {}), HOUR);
  pruning.unref();

  return {
    handle,
    authenticate: (req) => authenticateRequest(ctx, req),
    csrfValid: (req, actor) => csrfMatches(actor.csrfToken, csrfHeader(req)),
    async inviteAccount(input) {
      const { link, expiresAt } = await inviteAccount(ctx, input);
      return { link, expiresAt };
    },
    async listAccounts() {
      return (await listAccounts(ctx.db)).map((a) => ({
        id: a.id,
        email: a.email,
        name: a.name,
        role: a.role,
        disabled: a.disabled,
        hasPassword: a.passwordHash !== null,
        createdAt: a.createdAt,
      }));
    },
    async setDisabled(email, disabled) {
      const parsed = emailSchema.safeParse(email);
      if (!parsed.success) throw new HostError('INVALID_ARGUMENTS', parsed.error.issues[0]?.message ?? 'invalid email');
      const at = ctx.now();
      await ctx.db.tx(async (q) => {
        const account = await findAccountByEmail(q, parsed.data);
        if (!account) throw new HostError('NOT_FOUND', 'no account has that email address');
        await setAccountDisabled(q, account.id, disabled, at);
        if (disabled) await endAccountSessions(q, account.id, at);
      });
      ctx.log.info({ event: disabled ? 'account.disabled' : 'account.enabled' }, disabled ? 'account disabled' : 'account enabled');
    },
    prune,
    async close() {
      clearInterval(pruning);
      mailer?.close();
    },
  };
}
