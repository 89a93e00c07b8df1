import type { IncomingMessage, ServerResponse } from 'node:http';
import { HostError } from '../../common/host-error.js';
import { isUnavailable } from '../../db/pg/pg-database.js';
import { bodyRefusal, operationNameOf, readBody, refuse, secretMatches, sendError, sendJson, tooLarge } from '../../web/http-io.js';
import type { TeamApi } from '../api/team-api.js';
import type { TeamAuth } from '../auth/team-auth.js';
import type { RequestContext } from './request-log.js';

export interface ApiRouteDeps {
  auth: TeamAuth;
  api: TeamApi;
  headers: Record<string, string>;
  /** Called with the failure whenever the database could not be reached (for the outage log line). */
  onUnavailable(error: unknown): void;
  onAvailable(): void;
}

/** The answer every caller gets while PostgreSQL is away; the reason (host, errno) goes to the log only. */
/** The most of an unread body a refusal reads and drops to keep a connection alive. */
const DRAIN_LIMIT = 64 * 1024;

export const UNAVAILABLE_MESSAGE = 'the database is unavailable; try again in a moment';

/**
 * `POST /api/<operation>`: a session first, for every name, known or not (so the API cannot be
 * mapped without one); then the CSRF header, which must equal the session's token (a cross-site
 * form can send the cookie but never a custom header); then the body; then the team API.
 */
export async function handleApiCall(req: IncomingMessage, res: ServerResponse, url: URL, deps: ApiRouteDeps, context: RequestContext): Promise<void> {
  const { headers } = deps;
  const fail = async (status: number, code: string, message: string, bodyUnread = true) => {
    context.code = code;
    // A small unread body is read and dropped so the connection stays usable; a large one closes it.
    const drained = bodyUnread && status !== 413 && status !== 415 && Number(req.headers['content-length'] ?? 0) <= DRAIN_LIMIT && (await readBody(req, DRAIN_LIMIT)) !== null;
    if (bodyUnread && !drained) refuse(req, res, status, code, message, headers);
    else sendError(res, status, code, message, headers);
  };
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return fail(405, 'METHOD_NOT_ALLOWED', 'API operations change or read state only by POST');
  }
  const actor = await deps.auth.authenticate(req);
  if (!actor) return fail(401, 'UNAUTHENTICATED', 'sign in first: there is no session, or it has expired');
  context.accountId = actor.account.id;
  if (!secretMatches(req.headers['x-specbench-token'] as string | undefined, actor.csrfToken)) {
    return fail(403, 'CSRF', 'the X-Specbench-Token header is missing or does not match this session');
  }
  const refusal = bodyRefusal(req);
  if (refusal) return fail(refusal.status, refusal.code, refusal.message);
  const name = operationNameOf(url.pathname);
  if (name === null) return fail(400, 'INVALID_OPERATION_NAME', 'the operation name in the URL has a malformed percent-encoding');
  const body = await readBody(req);
  if (body === null) {
    const over = tooLarge();
    return fail(over.status, over.code, over.message);
  }
  let args: unknown;
  try {
    args = body.length ? JSON.parse(body) : {};
  } catch {
    return fail(400, 'INVALID_JSON', 'request body is not JSON', false);
  }
  const { status, envelope } = await deps.api.call(actor, name, args);
  if (!envelope.ok && envelope.error.code === 'DATABASE_UNAVAILABLE') {
    deps.onUnavailable(new HostError('DATABASE_UNAVAILABLE', envelope.error.message));
    return fail(503, 'DATABASE_UNAVAILABLE', UNAVAILABLE_MESSAGE, false);
  }
  deps.onAvailable();
  if (!envelope.ok) context.code = envelope.error.code;
  sendJson(res, status, envelope, headers);
}

/** A failure thrown by any route: 503 while the database is away, a HostError's own code as 400, anything else 500. */
export function answerFailure(res: ServerResponse, error: unknown, headers: Record<string, string>, context: RequestContext): 'unavailable' | 'host' | 'internal' {
  if (isUnavailable(error)) {
    context.code = 'DATABASE_UNAVAILABLE';
    if (!res.headersSent) sendError(res, 503, 'DATABASE_UNAVAILABLE', UNAVAILABLE_MESSAGE, headers);
    return 'unavailable';
  }
  if (error instanceof HostError) {
    context.code = error.code;
    if (!res.headersSent) sendError(res, 400, error.code, error.message, headers);
    return 'host';
  }
  context.code = 'INTERNAL';
  if (!res.headersSent) sendError(res, 500, 'INTERNAL', `an unexpected error; quote request id ${context.id} to the administrator`, headers);
  return 'internal';
}
