import type { IncomingMessage, ServerResponse } from 'node:http';
import { injectToken, sendBody, staticCacheControl } from '../../web/http-io.js';
import { readStatic } from '../../web/static-files.js';
import type { TeamAuth } from '../auth/team-auth.js';
import type { RequestContext } from './request-log.js';

export const SIGN_IN_PATH = '/auth/sign-in';

/**
 * The built renderer. The page itself needs a session (it carries the session's CSRF token in its
 * meta tag, as browser mode carries its process token); without one it sends the browser to sign
 * in. Hashed assets are public: they hold no data.
 */
export async function servePage(req: IncomingMessage, res: ServerResponse, url: URL, deps: { auth: TeamAuth; staticDir: string; headers: Record<string, string> }, context: RequestContext): Promise<void> {
  const { headers } = deps;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendBody(res, 405, 'text/plain; charset=utf-8', 'method not allowed', headers);
  }
  const isPage = url.pathname === '/' || url.pathname === '/index.html';
  const path = isPage ? '/index.html' : url.pathname;
  let token: string | null = null;
  if (isPage) {
    const actor = await deps.auth.authenticate(req);
    if (!actor) {
      res.writeHead(302, { ...headers, Location: SIGN_IN_PATH });
      return void res.end();
    }
    context.accountId = actor.account.id;
    token = actor.csrfToken;
  }
  const file = await readStatic(deps.staticDir, path);
  if (!file) return sendBody(res, 404, 'text/plain; charset=utf-8', 'not found', headers);
  const body = token === null ? file.body : injectToken(file.body, token);
  res.writeHead(200, { ...headers, 'Content-Type': file.type, 'Cache-Control': staticCacheControl(path) });
  res.end(req.method === 'HEAD' ? undefined : body);
}
