import { ParameterType, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';

/** `{"userId": string}` with its type placeholders; `type` marks where any value of that type is accepted. */
export interface TypePlaceholder {
  type: 'string' | 'number' | 'boolean';
}
export type Shape = unknown;

export interface Count {
  /** 'eq' for "1" and "exactly 1", 'le' for "at most", 'ge' for "at least". */
  cmp: 'eq' | 'le' | 'ge';
  n: number;
}

const WORD_NUMBERS: Record<string, number> = { no: 0, zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const UNIT_MS: Record<string, number> = { ms: 1, millisecond: 1, milliseconds: 1, s: 1000, sec: 1000, second: 1000, seconds: 1000, min: 60_000, minute: 60_000, minutes: 60_000, h: 3_600_000, hour: 3_600_000, hours: 3_600_000, day: 86_400_000, days: 86_400_000 };

export const PLACEHOLDER_PREFIX = '\u0000type:';

/**
 * Parses a JSON literal as specs write it: in backticks or bare, where the bare words `string`,
 * `number` and `boolean` stand for "any value of that type" (`{"userId": string}`).
 */
export function parseShape(raw: string): Shape {
  const text = raw.trim().replace(/^`|`$/g, '');
  // Only bare words outside string literals become placeholders.
  const marked = text.replace(/"(?:[^"\\]|\\.)*"|\b(string|number|boolean)\b/g, (whole, word: string | undefined) =>
    word ? JSON.stringify(PLACEHOLDER_PREFIX + word) : whole,
  );
  return JSON.parse(marked) as Shape;
}

export function placeholderType(value: unknown): TypePlaceholder['type'] | null {
  return typeof value === 'string' && value.startsWith(PLACEHOLDER_PREFIX) ? (value.slice(PLACEHOLDER_PREFIX.length) as TypePlaceholder['type']) : null;
}

export function parseDuration(raw: string): number {
  const m = /^(\d+(?:\.\d+)?)[\s-]?([a-z]+)$/i.exec(raw.trim());
  if (!m) throw new Error(`not a duration: ${raw}`);
  const unit = UNIT_MS[m[2]!.toLowerCase()];
  if (unit === undefined) throw new Error(`unknown unit in ${raw}`);
  return Number(m[1]) * unit;
}

export function parseCount(raw: string): Count {
  const m = /^(exactly |at most |at least )?(\d+|[a-z]+)$/i.exec(raw.trim())!;
  const cmp = m[1]?.startsWith('at most') ? 'le' : m[1]?.startsWith('at least') ? 'ge' : 'eq';
  const word = m[2]!.toLowerCase();
  return { cmp, n: /^\d+$/.test(word) ? Number(word) : WORD_NUMBERS[word]! };
}

export function parseOrdinal(raw: string): number {
  const word = raw.toLowerCase();
  return ORDINALS[word] ?? Number.parseInt(word, 10);
}

const NUMBER_WORDS = Object.keys(WORD_NUMBERS).join('|');
const DURATION_UNITS = Object.keys(UNIT_MS).sort((a, b) => b.length - a.length).join('|');

/**
 * The step library's parameter types (FR-1): HTTP method, path, status, JSON literal, duration
 * with unit, count; plus ordinal, criterion id and a code literal. Built-ins ({int}, {word},
 * {string}, {}) stay available.
 */
export function createParameterRegistry(): ParameterTypeRegistry {
  const registry = new ParameterTypeRegistry();
  const define = <T>(name: string, regexps: string | string[], transform: (s: string) => T): void => {
    registry.defineParameterType(new ParameterType(name, regexps, null, transform, false, false));
  };
  define('method', 'GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS', (s) => s);
  define('path', '/[A-Za-z0-9_\\-./?=&%{}:]*', (s) => s);
  define('status', '[1-5]\\d\\d', (s) => Number(s));
  define('json', ['`[\\[{][^`]*[\\]}]`', '\\{[^{}`]*(?:\\{[^{}`]*\\}[^{}`]*)*\\}'], (s) => parseShape(s));
  define('duration', `\\d+(?:\\.\\d+)?[ -]?(?:${DURATION_UNITS})`, (s) => parseDuration(s));
  define('count', `(?:exactly |at most |at least )?(?:\\d+|${NUMBER_WORDS})`, (s) => parseCount(s));
  define('ordinal', '\\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth', (s) => parseOrdinal(s));
  define('ac', 'AC-\\d+', (s) => s);
  define('code', '`[^`]*`', (s) => s.slice(1, -1));
  return registry;
}
