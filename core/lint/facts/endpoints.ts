export interface Endpoint {
  /** Upper-case HTTP method, or null for a bare path ("/auth/magic-link/verify?token=…"). */
  method: string | null;
  /** Normalised: lower-case, no query, no trailing slash, parameters as `{}`. */
  path: string;
  /** As written, for messages. */
  raw: string;
  start: number;
  end: number;
}

const METHOD_PATH = /\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+`?(\/[^\s`"'),;]*)/g;
/** A bare path: starts a token (or follows a `{BASE_URL}` placeholder) and begins with a letter. */
const BARE_PATH = /(?<=^|[\s(`"'}:])\/[A-Za-z][\w\-./{}:*]*/g;

/** "/workspaces/{id}/", "/items/:id?x=1" → "/workspaces/{}", "/items/{}". */
export function normalizePath(path: string): string {
  let p = path.split(/[?#]/)[0].replace(/[.:,;]+$/, '');
  p = p.replace(/\{[^}]*\}|:[A-Za-z_]\w*|<[^>]*>/g, '{}');
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return p.toLowerCase();
}

/** Endpoints written in the text, with and without a method. */
export function endpointsIn(text: string): Endpoint[] {
  const found: Endpoint[] = [];
  const covered: Array<[number, number]> = [];
  METHOD_PATH.lastIndex = 0;
  for (let m = METHOD_PATH.exec(text); m; m = METHOD_PATH.exec(text)) {
    const raw = `${m[1]} ${m[2].replace(/[.:,;]+$/, '')}`;
    const pathStart = m.index + m[0].length - m[2].length;
    found.push({ method: m[1], path: normalizePath(m[2]), raw, start: m.index, end: pathStart + m[2].length });
    covered.push([pathStart, pathStart + m[2].length]);
  }
  BARE_PATH.lastIndex = 0;
  for (let m = BARE_PATH.exec(text); m; m = BARE_PATH.exec(text)) {
    if (covered.some(([s, e]) => m.index >= s && m.index < e)) continue;
    const path = normalizePath(m[0]);
    if (path.split('/').length < 2 || path === '/') continue;
    found.push({ method: null, path, raw: m[0].replace(/[.:,;]+$/, ''), start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** Path equality where `{}` stands for any one segment. */
export function samePath(a: string, b: string): boolean {
  if (a === b) return true;
  const sa = a.split('/');
  const sb = b.split('/');
  if (sa.length !== sb.length) return false;
  return sa.every((seg, i) => seg === sb[i] || seg === '{}' || sb[i] === '{}');
}

/** Does `used` (from an AC) refer to the endpoint `defined` (from an FR)? */
export function endpointMatches(used: Endpoint, defined: Endpoint): boolean {
  if (used.method && defined.method && used.method !== defined.method) return false;
  return samePath(used.path, defined.path);
}
