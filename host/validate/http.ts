import type { Exchange } from '../../core/validate/results.js';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
  body: unknown;
  cookies: Record<string, { value: string; pair: string; attributes: string[]; maxAgeMs: number | null }>;
  ms: number;
}

export class TargetUnreachableError extends Error {
  override name = 'TargetUnreachableError';
}

const REQUEST_TIMEOUT_MS = 10_000;
const MAX_BODY = 200_000;

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** The shell line that sends the same request (Schemathesis' "Reproduce with"). */
export function curlLine(method: string, url: string, headers: Record<string, string>, body?: string): string {
  const parts = ['curl', '-sS', '-i', '-X', method, quote(url)];
  for (const [k, v] of Object.entries(headers)) parts.push('-H', quote(`${k}: ${v}`));
  if (body !== undefined) parts.push('--data-raw', quote(body));
  return parts.join(' ');
}

function parseCookies(setCookies: string[]): Answer['cookies'] {
  const out: Answer['cookies'] = {};
  for (const line of setCookies) {
    const [pair, ...attrs] = line.split(';').map((p) => p.trim());
    const eq = pair!.indexOf('=');
    if (eq <= 0) continue;
    const name = pair!.slice(0, eq);
    const attributes = attrs.map((a) => a.toLowerCase());
    const maxAge = attrs.find((a) => /^max-age=/i.test(a));
    const expires = attrs.find((a) => /^expires=/i.test(a));
    const maxAgeMs = maxAge ? Number(maxAge.split('=')[1]) * 1000 : expires ? Date.parse(expires.slice(8)) - Date.now() : null;
    out[name] = { value: pair!.slice(eq + 1), pair: pair!, attributes, maxAgeMs };
  }
  return out;
}

/** One request with a timeout; the answer parsed, and the exchange with its curl line. */
export async function send(base: string, method: string, path: string, options: { json?: unknown; cookie?: string; headers?: Record<string, string> } = {}): Promise<{ answer: Answer; exchange: Exchange }> {
  const url = new URL(path, base).href;
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.cookie) headers.cookie = options.cookie;
  const started = process.hrtime.bigint();
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), redirect: 'manual' });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new TargetUnreachableError(`target unreachable: ${method} ${url}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
  const text = (await res.text()).slice(0, MAX_BODY);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  let parsed: unknown = undefined;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const responseHeaders = Object.fromEntries(res.headers.entries());
  const answer: Answer = { status: res.status, headers: responseHeaders, text, body: parsed, cookies: parseCookies(res.headers.getSetCookie()), ms };
  const exchange: Exchange = { method, url, requestBody: body, requestHeaders: headers, status: res.status, responseHeaders, responseBody: text.slice(0, 4_000), ms, curl: curlLine(method, url, headers, body) };
  return { answer, exchange };
}
