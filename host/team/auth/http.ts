import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../../security/csp.js';

/**
 * The auth pages are plain HTML forms: no script at all, styles from one same-origin file, forms
 * may post only to this origin. (The workbench's CSP has `form-action 'none'`, which would block them.)
 */
const AUTH_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/** Headers of every auth answer: the workbench's security headers, no caching, no framing, HSTS over TLS. */
export function authHeaders(secure: boolean): Record<string, string> {
  return {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': AUTH_CSP,
    'X-Frame-Options': 'DENY',
    // Not `no-referrer`: under it a browser without Sec-Fetch-Site posts our own forms with
    // `Origin: null`. `strict-origin` still never sends a path (invitation and link tokens are in paths).
    'Referrer-Policy': 'strict-origin',
    'Cache-Control': 'no-store',
    ...(secure ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

export interface Reply {
  status: number;
  headers?: Record<string, string | string[]>;
  type?: string;
  body?: string;
}

export function send(res: ServerResponse, secure: boolean, reply: Reply): void {
  res.writeHead(reply.status, { ...authHeaders(secure), ...(reply.type ? { 'Content-Type': reply.type } : {}), ...reply.headers });
  res.end(reply.body);
}

export const html = (status: number, body: string, headers?: Record<string, string | string[]>): Reply => ({ status, type: 'text/html; charset=utf-8', body, headers });
export const json = (status: number, value: unknown, headers?: Record<string, string | string[]>): Reply => ({
  status,
  type: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
  headers,
});
/** 303: after a form POST the browser follows with a GET. */
export const redirect = (location: string, headers?: Record<string, string | string[]>): Reply => ({ status: 303, headers: { Location: location, ...headers } });

/** The contract's error envelope, so the workbench client reads auth failures like any other. */
export const jsonError = (status: number, code: string, message: string, headers?: Record<string, string | string[]>): Reply =>
  json(status, { ok: false, error: { code, message } }, headers);

/** A script client (the desktop "Connect to team", fetch) gets JSON; a browser form gets pages and redirects. */
export function wantsJson(req: IncomingMessage): boolean {
  const type = req.headers['content-type'] ?? '';
  if (/^application\/json\b/i.test(type)) return true;
  const accept = req.headers.accept ?? '';
  return /application\/json/i.test(accept) && !/text\/html/i.test(accept);
}

export const MAX_FORM_BYTES = 16 * 1024;

/** Thrown for a body we will not read: the handler answers 413 / 415 / 400 with it. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The fields of a urlencoded form or a JSON object body (string values only), at most 16 KiB. */
export async function readFields(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_FORM_BYTES) throw new BodyError(413, 'TOO_LARGE', 'the request body is over 16 KiB');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new BodyError(413, 'TOO_LARGE', 'the request body is over 16 KiB');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (/^application\/json\b/i.test(type)) {
    try {
      const value: unknown = text ? JSON.parse(text) : {};
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
      return value as Record<string, unknown>;
    } catch {
      throw new BodyError(400, 'INVALID_JSON', 'the request body is not a JSON object');
    }
  }
  if (/^application\/x-www-form-urlencoded\b/i.test(type) || (!type && text === '')) return Object.fromEntries(new URLSearchParams(text));
  throw new BodyError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send application/x-www-form-urlencoded or application/json');
}
