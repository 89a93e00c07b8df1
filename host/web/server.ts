import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, type Handlers } from '../handlers/dispatch.js';
import { SECURITY_HEADERS } from '../security/csp.js';
import { bodyRefusal, injectToken, operationNameOf, readBody, refuse as refuseWith, secretMatches, sendBody, sendJson as sendJsonWith, staticCacheControl, tooLarge } from './http-io.js';
import { readStatic } from './static-files.js';

export interface WebHostOptions {
  handlers: Handlers;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Per-process secret the page must send with every API call; generated when omitted. */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  /** Pushes an event to every open page (Server-Sent Events). */
  broadcast(name: string, payload: unknown): void;
  close(): Promise<void>;
}

/**
 * The browser-mode host: the built renderer and `POST /api/<operation>` on 127.0.0.1 only.
 * Because any web page in the user's browser can send requests to localhost, every API call
 * must carry the per-process token from the served page (a custom header, which cross-origin
 * pages cannot send without a preflight we never grant), and the Host header must be ours
 * (defeats DNS rebinding).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const streams = new Set<ServerResponse>();
  let port = options.port;

  const hostAllowed = (req: IncomingMessage) => req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;
  const tokenMatches = (given: string | undefined) => secretMatches(given, token);
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => sendBody(res, status, type, body, SECURITY_HEADERS);
  const sendJson = (res: ServerResponse, status: number, value: unknown) => sendJsonWith(res, status, value, SECURITY_HEADERS);
  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string) => refuseWith(req, res, status, code, message, SECURITY_HEADERS);

  const server = createServer(async (req, res) => {
    try {
      if (!hostAllowed(req)) return send(res, 421, 'text/plain', 'unexpected Host header');
      const url = URL.parse(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (!url) return refuse(req, res, 400, 'INVALID_URL', 'the request URL cannot be parsed');
      if (url.pathname === '/api/events' && req.method === 'GET') {
        if (!tokenMatches(url.searchParams.get('token') ?? undefined)) return send(res, 403, 'text/plain', 'missing or wrong session token');
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'METHOD_NOT_ALLOWED', message: 'use POST' } });
        if (!tokenMatches(req.headers['x-specbench-token'] as string | undefined)) {
          return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'missing or wrong session token' } });
        }
        const refusal = bodyRefusal(req);
        if (refusal) return refuse(req, res, refusal.status, refusal.code, refusal.message);
        const name = operationNameOf(url.pathname);
        if (name === null) return refuse(req, res, 400, 'INVALID_OPERATION_NAME', 'the operation name in the URL has a malformed percent-encoding');
        const body = await readBody(req);
        if (body === null) {
          const over = tooLarge();
          return refuse(req, res, over.status, over.code, over.message);
        }
        let args: unknown;
        try {
          args = body.length ? JSON.parse(body) : {};
        } catch {
          return sendJson(res, 400, { ok: false, error: { code: 'INVALID_JSON', message: 'request body is not JSON' } });
        }
        return sendJson(res, 200, await dispatch(options.handlers, name, args));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
      const path = url.pathname === '/' ? '/index.html' : url.pathname;
      const file = await readStatic(options.staticDir, path);
      if (!file) return send(res, 404, 'text/plain', 'not found');
      // The page learns its token from a meta tag: the CSP forbids inline scripts.
      const body = path === '/index.html' ? injectToken(file.body, token) : file.body;
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type, 'Cache-Control': staticCacheControl(path) });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      // A client that went away mid-body is not an error of ours; there is nobody to answer.
      if (res.destroyed || (error as NodeJS.ErrnoException).code === 'ECONNRESET') return;
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${options.port} is already in use (try --port 0 for a free one)`) : error),
    );
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    broadcast(name, payload) {
      const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const stream of streams) stream.write(frame);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
