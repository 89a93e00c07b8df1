import { isDeepStrictEqual } from 'node:util';
import { placeholderType, type Count } from '../../core/validate/parameter-types.js';
import type { AssertOp } from '../../core/validate/types.js';

/** A failed assertion: what the criterion said, what was expected, what the target did. */
export class AssertionFailure extends Error {
  override name = 'AssertionFailure';
  constructor(
    message: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(message);
  }
}

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v))).slice(0, 400);

/** `{"userId": <string>}` against a value: same keys, each placeholder a value of its type, literals equal. */
export function matchesShape(shape: unknown, value: unknown): boolean {
  const type = placeholderType(shape);
  if (type) return typeof value === type;
  if (Array.isArray(shape)) return Array.isArray(value) && shape.length === value.length && shape.every((s, i) => matchesShape(s, value[i]));
  if (shape && typeof shape === 'object') {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
    const keys = Object.keys(shape);
    const got = Object.keys(value);
    return keys.length === got.length && keys.every((k) => k in value && matchesShape((shape as Record<string, unknown>)[k], (value as Record<string, unknown>)[k]));
  }
  return isDeepStrictEqual(shape, value);
}

const STOP = new Set(['a', 'an', 'the', 'for', 'of', 'to', 'token', 'tokens']);
/** Every content word of "an expired token" appears in the event's message ("expired token presented"). */
function aboutMatches(about: string, msg: string): boolean {
  const words = about.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !STOP.has(w));
  const m = msg.toLowerCase();
  // A four-letter stem: "an email send failure" finds "email send failed".
  return words.length > 0 && words.every((w) => m.includes(w.length > 4 ? w.slice(0, 4) : w));
}

function matchesWhere(entry: unknown, where: Record<string, unknown>): boolean {
  const e = entry as Record<string, unknown>;
  return Object.entries(where).every(([k, v]) => {
    if (k === 'msg~') return aboutMatches(String(v), String(e.msg ?? ''));
    if (k === 'body') return matchesShape(v, e.body);
    return isDeepStrictEqual(e[k], v);
  });
}

function countOk(c: Count, n: number): boolean {
  return c.cmp === 'eq' ? n === c.n : c.cmp === 'le' ? n <= c.n : n >= c.n;
}

function containsAnywhere(value: unknown, needle: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = containsAnywhere(v, needle);
      if (hit !== null) return Array.isArray(value) ? hit : `${k}${hit ? `.${hit}` : ''}`;
    }
    return null;
  }
  return String(value).includes(needle) ? '' : null;
}

/** Judges one assertion on resolved values; throws AssertionFailure with expected vs actual. */
export function judge(op: AssertOp, actual: unknown, expected: unknown, where?: Record<string, unknown>): void {
  const fail = (what: string): never => {
    throw new AssertionFailure(`${op.says ?? `${op.actual} ${op.predicate}`}: ${what}`, show(expected), show(actual));
  };
  switch (op.predicate) {
    case 'equals':
      if (!isDeepStrictEqual(actual, expected) && !(typeof expected === 'number' && Number(actual) === expected)) fail(`expected ${show(expected)}, got ${show(actual)}`);
      return;
    case 'not-equals':
      if (isDeepStrictEqual(actual, expected)) fail(`expected anything but ${show(expected)}`);
      return;
    case 'shape':
      if (!matchesShape(expected, actual)) fail(`expected the shape ${show(expected).replace(/\\u0000type:(\w+)/g, '<$1>')}, got ${show(actual)}`);
      return;
    case 'contains':
      if (!String(actual).includes(String(expected))) fail(`expected to contain ${show(expected)}`);
      return;
    case 'not-contains':
      if (String(actual).includes(String(expected))) fail(`expected not to contain ${show(expected)}`);
      return;
    case 'matches':
      if (!new RegExp(String(expected)).test(String(actual ?? ''))) fail(`expected to match /${String(expected)}/, got ${show(actual)}`);
      return;
    case 'is-null':
      if (actual !== null && actual !== undefined) fail(`expected NULL, got ${show(actual)}`);
      return;
    case 'not-null':
      if (actual === null || actual === undefined) fail('expected a value, got none');
      return;
    case 'count': {
      if (!Array.isArray(actual)) fail(`expected a list, got ${show(actual)}`);
      const list = (actual as unknown[]).filter((e) => (where ? matchesWhere(e, where) : true));
      const c = expected as Count;
      if (!countOk(c, list.length)) {
        const cmp = c.cmp === 'eq' ? 'exactly' : c.cmp === 'le' ? 'at most' : 'at least';
        throw new AssertionFailure(`${op.says ?? op.actual}: expected ${cmp} ${c.n}${where ? ` matching ${show(where)}` : ''}, found ${list.length}`, `${cmp} ${c.n}`, `${list.length} of ${(actual as unknown[]).length}`);
      }
      return;
    }
    case 'none-contain': {
      const hit = containsAnywhere(actual, String(expected));
      if (hit !== null) fail(`${show(expected)} appears${hit ? ` in ${hit}` : ''}`);
      return;
    }
    case 'has-attribute':
      if (!Array.isArray(actual) || !actual.includes(String(expected).toLowerCase())) fail(`expected the attribute ${String(expected)}, got ${show(actual)}`);
      return;
    case 'at-most':
      if (!(Number(actual) <= Number(expected))) fail(`expected at most ${show(expected)}, got ${show(actual)}`);
      return;
    case 'at-least':
      if (!(Number(actual) >= Number(expected))) fail(`expected at least ${show(expected)}, got ${show(actual)}`);
      return;
  }
}
