import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The largest API request body either HTTP host reads (a whole spec with its versions fits). */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

/** Writes a whole answer; `headers` come first so a route's own (security, request id) are kept. */
export function sendBody(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  sendBody(res, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
}

/** The contract's error envelope with an HTTP status. */
export function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { ok: false, error: { code, message } }, headers);
}

/**
 * A client mistake answered before its body was read (or with the body half read): the
 * connection closes after the answer, so the unread rest is never taken for the next request.
 */
export function refuse(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  req.pause();
  res.setHeader('Connection', 'close');
  sendError(res, status, code, message, headers);
}

/** Why a POST body cannot be taken, checked before a byte of it is read; null when it may be read. */
export function bodyRefusal(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): { status: number; code: string; message: string } | null {
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    return { status: 415, code: 'UNSUPPORTED_CONTENT_ENCODING', message: `request bodies are accepted uncompressed only, not with Content-Encoding "${encoding.slice(0, 40)}"` };
  }
  // A declared length over the limit is refused before a byte of the body is read.
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return tooLarge(maxBytes);
  return null;
}

export function tooLarge(maxBytes = MAX_BODY_BYTES): { status: number; code: string; message: string } {
  return { status: 413, code: 'TOO_LARGE', message: `request body over ${maxBytes / (1024 * 1024)} MB` };
}

/** The operation name of `/api/<name>`, or null when its percent-encoding is malformed. */
export function operationNameOf(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/api/'.length));
  } catch {
    return null;
  }
}

/** The body as text, or null once it passes the limit: reading stops there and the caller answers 413. */
export function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        resolve(null);
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The rendered page with the session's token in its meta tag: the CSP forbids inline scripts, so the page reads it from there. */
export function injectToken(html: Buffer, token: string): Buffer {
  const escaped = token.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return Buffer.from(html.toString('utf8').replace('%SPECBENCH_TOKEN%', escaped));
}

/** Long-lived for hashed asset names, never cached for anything else (the page carries a token). */
export function staticCacheControl(path: string): string {
  return path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store';
}

/** A presented secret equals the expected one, compared in constant time (a missing one never does). */
export function secretMatches(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
