import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StoredAccount } from '../../db/pg/queries/accounts.js';
import type { AuthContext } from './context.js';
import { clearedSessionCookie } from './cookies.js';
import { CSRF_FIELD, CSRF_HEADER, csrfHeader, csrfMatches, crossSite } from './csrf.js';
import { BodyError, html, json, jsonError, readFields, redirect, send, wantsJson, type Reply } from './http.js';
import { acceptInvitation, INVITATION_REFUSALS, inspectInvitation, type ClosedInvitation } from './invitations.js';
import { consumeMagicLink, inspectMagicLink, MAGIC_LINK_REFUSALS, MAGIC_LINK_SENT, requestMagicLink, type ClosedMagicLink } from './magic-link.js';
import type { Mailer } from './mailer.js';
import { AUTH_CSS, AUTH_CSS_PATH, magicLinkPage, messagePage, refusedLinkPage, setPasswordPage, signInPage } from './pages.js';
import { MIN_PASSWORD_LENGTH } from './passwords.js';
import { firstIssue, magicLinkRequestSchema, newPasswordSchema, signInSchema } from './schemas.js';
import { authenticateRequest, endSessionById, startSession } from './sessions.js';
import { passwordSignIn } from './sign-in.js';

export interface RouteDeps {
  ctx: AuthContext;
  publicOrigin: string;
  mailer: Mailer | null;
  clientAddress: (req: IncomingMessage) => string;
}

const SIGN_IN_FAILED = 'Wrong email or password.';
const ASK_ADMIN = 'Ask an admin to re-invite you.';

const publicAccount = (a: StoredAccount) => ({ id: a.id, email: a.email, name: a.name, role: a.role });

const INVITATION_STATUS: Record<ClosedInvitation, [number, string]> = {
  used: [410, 'INVITATION_USED'],
  expired: [410, 'INVITATION_EXPIRED'],
  replaced: [410, 'INVITATION_REPLACED'],
  unknown: [404, 'INVITATION_INVALID'],
  disabled: [403, 'ACCOUNT_DISABLED'],
};
const MAGIC_LINK_CODES: Record<ClosedMagicLink, string> = { used: 'TOKEN_USED', expired: 'TOKEN_EXPIRED', unknown: 'TOKEN_INVALID' };

/** `/auth/invite/<token>` → the token; anything with more segments is no route. */
function tokenAfter(pathname: string, prefix: string): string | null {
  if (!pathname.startsWith(prefix)) return null;
  const rest = pathname.slice(prefix.length);
  return rest && !rest.includes('/') ? rest : null;
}

/**
 * The `/auth/*` routes. State changes are POST only; every POST from another site's page is refused
 * (login CSRF), and sign-out also needs the session's CSRF token. Failures of the database are not
 * caught here: they reach the server, which answers 503 DATABASE_UNAVAILABLE like any request.
 */
export function createAuthRoutes(deps: RouteDeps) {
  const { ctx } = deps;

  /** Signs the account in: the cookie, then `/` for a form or the account and CSRF token for a script. */
  const signedIn = async (req: IncomingMessage, account: StoredAccount): Promise<Reply> => {
    const session = await startSession(ctx, account.id);
    const headers = { 'Set-Cookie': session.setCookie };
    return wantsJson(req) ? json(200, { ok: true, value: { account: publicAccount(account), csrfToken: session.csrfToken } }, headers) : redirect('/', headers);
  };

  const limited = (req: IncomingMessage, seconds: number, page: (error: string) => string): Reply => {
    const headers = { 'Retry-After': String(seconds) };
    const message = `Too many attempts; try again in ${Math.ceil(seconds / 60)} minute(s).`;
    return wantsJson(req) ? jsonError(429, 'RATE_LIMITED', message, headers) : html(429, page(message), headers);
  };

  async function signInPost(req: IncomingMessage): Promise<Reply> {
    const parsed = signInSchema.safeParse(await readFields(req));
    const magicLink = deps.mailer !== null;
    if (!parsed.success) {
      const message = firstIssue(parsed.error);
      return wantsJson(req) ? jsonError(400, 'INVALID_ARGUMENTS', message) : html(400, signInPage({ error: message, magicLink }));
    }
    const { email, password } = parsed.data;
    const outcome = await passwordSignIn(ctx, { email, password, client: deps.clientAddress(req) });
    if (outcome.kind === 'limited') return limited(req, outcome.retryAfterSeconds, (error) => signInPage({ error, email, magicLink }));
    if (outcome.kind === 'failed') return wantsJson(req) ? jsonError(401, 'SIGN_IN_FAILED', SIGN_IN_FAILED) : html(401, signInPage({ error: SIGN_IN_FAILED, email, magicLink }));
    return signedIn(req, outcome.account);
  }

  const invitationRefused = (req: IncomingMessage, closed: ClosedInvitation): Reply => {
    const [status, code] = INVITATION_STATUS[closed];
    const reason = INVITATION_REFUSALS[closed];
    return wantsJson(req) ? jsonError(status, code, `${reason} ${ASK_ADMIN}`) : html(status, refusedLinkPage('Invitation not usable', reason, ASK_ADMIN));
  };

  async function invitation(req: IncomingMessage, token: string, path: string): Promise<Reply> {
    const found = await inspectInvitation(ctx, token);
    if ('closed' in found) return invitationRefused(req, found.closed);
    const form = (error?: string) => setPasswordPage({ action: path, email: found.open.email, minLength: MIN_PASSWORD_LENGTH, error });
    if (req.method === 'GET') return wantsJson(req) ? json(200, { ok: true, value: { email: found.open.email } }) : html(200, form());
    const parsed = newPasswordSchema.safeParse(await readFields(req));
    if (!parsed.success) {
      const message = firstIssue(parsed.error);
      return wantsJson(req) ? jsonError(400, 'INVALID_PASSWORD', message) : html(400, form(message));
    }
    const accepted = await acceptInvitation(ctx, token, parsed.data.password);
    return 'closed' in accepted ? invitationRefused(req, accepted.closed) : signedIn(req, accepted.account);
  }

  const magicRefused = (req: IncomingMessage, closed: ClosedMagicLink): Reply => {
    const reason = MAGIC_LINK_REFUSALS[closed];
    const next = 'Ask for a new link on the sign-in page.';
    return wantsJson(req) ? jsonError(400, MAGIC_LINK_CODES[closed], reason) : html(400, refusedLinkPage('Sign-in link not usable', reason, next));
  };

  async function magicLinkRequest(req: IncomingMessage, mailer: Mailer): Promise<Reply> {
    const parsed = magicLinkRequestSchema.safeParse(await readFields(req));
    if (!parsed.success) {
      const message = firstIssue(parsed.error);
      return wantsJson(req) ? jsonError(400, 'INVALID_ARGUMENTS', message) : html(400, signInPage({ error: message, magicLink: true }));
    }
    const outcome = await requestMagicLink(ctx, mailer, parsed.data.email);
    if (outcome.kind === 'limited') return limited(req, outcome.retryAfterSeconds, (error) => signInPage({ error, magicLink: true }));
    if (outcome.kind === 'send-failed') {
      const message = 'The sign-in email could not be sent; try again later.';
      return wantsJson(req) ? jsonError(503, 'EMAIL_SEND_FAILED', message) : html(503, messagePage('Email not sent', message));
    }
    return wantsJson(req) ? json(202, { ok: true, value: { message: MAGIC_LINK_SENT } }) : html(202, messagePage('Check your email', MAGIC_LINK_SENT));
  }

  async function magicLink(req: IncomingMessage, token: string, path: string): Promise<Reply> {
    if (req.method === 'GET') {
      const state = await inspectMagicLink(ctx, token);
      if (state !== 'open') return magicRefused(req, state);
      return wantsJson(req) ? json(200, { ok: true, value: { usable: true } }) : html(200, magicLinkPage(path));
    }
    const used = await consumeMagicLink(ctx, token);
    return 'closed' in used ? magicRefused(req, used.closed) : signedIn(req, used.account);
  }

  async function signOut(req: IncomingMessage): Promise<Reply> {
    const fields = await readFields(req);
    const actor = await authenticateRequest(ctx, req);
    const cleared = { 'Set-Cookie': clearedSessionCookie(ctx.secureCookies) };
    if (actor) {
      if (!csrfMatches(actor.csrfToken, csrfHeader(req) ?? fields[CSRF_FIELD])) {
        return jsonError(403, 'CSRF_REJECTED', `sign-out needs the session's CSRF token (header ${CSRF_HEADER} or form field ${CSRF_FIELD})`);
      }
      await endSessionById(ctx, actor.sessionId);
    }
    return wantsJson(req) ? json(200, { ok: true, value: { signedOut: actor !== null } }, cleared) : redirect('/auth/sign-in', cleared);
  }

  async function session(req: IncomingMessage): Promise<Reply> {
    const actor = await authenticateRequest(ctx, req);
    if (!actor) return jsonError(401, 'UNAUTHENTICATED', 'not signed in');
    return json(200, { ok: true, value: { account: actor.account, csrfToken: actor.csrfToken } });
  }

  async function route(req: IncomingMessage, url: URL): Promise<Reply> {
    const { pathname } = url;
    const method = req.method ?? 'GET';
    const allow = (methods: string[], run: () => Promise<Reply> | Reply): Promise<Reply> | Reply => {
      if (!methods.includes(method)) return { ...jsonError(405, 'METHOD_NOT_ALLOWED', `use ${methods.join(' or ')}`), headers: { Allow: methods.join(', ') } };
      if (method === 'POST' && crossSite(req, deps.publicOrigin)) return jsonError(403, 'CROSS_SITE_REFUSED', 'this request came from another site');
      return run();
    };
    if (pathname === AUTH_CSS_PATH) return allow(['GET'], () => ({ status: 200, type: 'text/css; charset=utf-8', body: AUTH_CSS }));
    if (pathname === '/auth/sign-in') {
      return allow(['GET', 'POST'], async () => {
        if (method === 'POST') return signInPost(req);
        if (await authenticateRequest(ctx, req)) return redirect('/');
        return html(200, signInPage({ magicLink: deps.mailer !== null }));
      });
    }
    if (pathname === '/auth/sign-out') return allow(['POST'], () => signOut(req));
    if (pathname === '/auth/session') return allow(['GET'], () => session(req));
    const invite = tokenAfter(pathname, '/auth/invite/');
    if (invite !== null) return allow(['GET', 'POST'], () => invitation(req, invite, pathname));
    const mailer = deps.mailer;
    if (mailer) {
      if (pathname === '/auth/magic-link') return allow(['POST'], () => magicLinkRequest(req, mailer));
      const magic = tokenAfter(pathname, '/auth/magic/');
      if (magic !== null) return allow(['GET', 'POST'], () => magicLink(req, magic, pathname));
    }
    return wantsJson(req) ? jsonError(404, 'NOT_FOUND', 'no such auth route') : html(404, messagePage('Not found', 'There is no such page.'));
  }

  /** Serves `/auth/*`; false for every other path (the caller routes those). */
  return async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (url.pathname !== '/auth' && !url.pathname.startsWith('/auth/')) return false;
    let reply: Reply;
    try {
      reply = await route(req, url);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      // The unread rest of a refused body must not be taken for the next request.
      res.setHeader('Connection', 'close');
      reply = jsonError(error.status, error.code, error.message);
    }
    send(res, ctx.secureCookies, reply);
    return true;
  };
}
