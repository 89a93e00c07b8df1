export interface Endpoint {
  /** Upper-case HTTP method, or null for a bare path ("/auth/magic-link/verify?token=…"). */
  method: string | null;
  /** Normalised: lower-case, no query, no trailing slash, parameters as `{}`. */
  path: string;
  /** `path` split at "/", kept so matching does not split again. */
  segments: string[];
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
    const path = normalizePath(m[2]);
    found.push({ method: m[1], path, segments: path.split('/'), raw, start: m.index, end: pathStart + m[2].length });
    covered.push([pathStart, pathStart + m[2].length]);
  }
  BARE_PATH.lastIndex = 0;
  for (let m = BARE_PATH.exec(text); m; m = BARE_PATH.exec(text)) {
    if (covered.some(([s, e]) => m.index >= s && m.index < e)) continue;
    const path = normalizePath(m[0]);
    if (path.split('/').length < 2 || path === '/') continue;
    found.push({ method: null, path, segments: path.split('/'), raw: m[0].replace(/[.:,;]+$/, ''), start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** Segment-wise path equality where `{}` stands for any one segment. */
function sameSegments(sa: string[], sb: string[]): boolean {
  if (sa.length !== sb.length) return false;
  for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i] && sa[i] !== '{}' && sb[i] !== '{}') return false;
  return true;
}

/** Does `used` (from an AC) refer to the endpoint `defined` (from an FR)? Either may lack a method. */
export function endpointMatches(used: Endpoint, defined: Endpoint): boolean {
  if (used.method && defined.method && used.method !== defined.method) return false;
  return used.path === defined.path || sameSegments(used.segments, defined.segments);
}

/**
 * Endpoints bucketed by segment count and first segment, so matching a spec's 1,000
 * criteria against its 300 requirements compares each with a handful, not with all.
 */
export class EndpointIndex {
  private readonly buckets = new Map<string, Endpoint[]>();
  private readonly byLength = new Map<number, Endpoint[]>();

  constructor(endpoints: Iterable<Endpoint> = []) {
    for (const e of endpoints) this.add(e);
  }

  add(e: Endpoint): void {
    const key = `${e.segments.length}|${e.segments[1] ?? ''}`;
    const bucket = this.buckets.get(key);
    if (bucket) bucket.push(e);
    else this.buckets.set(key, [e]);
    const all = this.byLength.get(e.segments.length);
    if (all) all.push(e);
    else this.byLength.set(e.segments.length, [e]);
  }

  /** The first indexed endpoint that `e` refers to (or that refers to `e`), if any. */
  find(e: Endpoint): Endpoint | undefined {
    const first = e.segments[1] ?? '';
    const candidates =
      first === '{}' ? (this.byLength.get(e.segments.length) ?? []) : [...(this.buckets.get(`${e.segments.length}|${first}`) ?? []), ...(this.buckets.get(`${e.segments.length}|{}`) ?? [])];
    return candidates.find((d) => endpointMatches(e, d));
  }
}
