/** fetch with the answer read once into status, parsed body, headers and cookies. */
export interface HttpAnswer {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
  setCookies: string[];
}

export interface CallOptions {
  cookie?: string;
  /** Sent as is instead of JSON.stringify(body). */
  rawBody?: string;
  contentType?: string;
}

export async function call(baseUrl: string, method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<HttpAnswer> {
  const headers: Record<string, string> = {};
  const payload = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  if (payload !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  if (options.cookie) headers.cookie = options.cookie;
  const res = await fetch(new URL(path, baseUrl), { method, headers, body: payload, signal: AbortSignal.timeout(20_000) });
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed, text, headers: res.headers, setCookies: res.headers.getSetCookie() };
}

export const post = (baseUrl: string, path: string, body?: unknown, options?: CallOptions): Promise<HttpAnswer> =>
  call(baseUrl, 'POST', path, body, options);

export const get = (baseUrl: string, path: string, options?: CallOptions): Promise<HttpAnswer> =>
  call(baseUrl, 'GET', path, undefined, options);

/** `name=value` of a Set-Cookie header, ready for a Cookie header. */
export function cookiePair(setCookies: readonly string[], name: string): string | undefined {
  return setCookies.map((c) => c.split(';')[0]!.trim()).find((pair) => pair.startsWith(`${name}=`));
}

let counter = 0;
/** A fresh address per call, so checks never share rate-limit windows or users. */
export function uniqueEmail(tag: string): string {
  counter += 1;
  return `${tag}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}
