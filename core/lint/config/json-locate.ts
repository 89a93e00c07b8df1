/** Where a value sits in a JSON text: 1-based line and column of its key (or of the value, for array items). */
export interface JsonLocation {
  line: number;
  column: number;
}

export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    /** The key being read when the error happened, as a dotted path; '' at the top level. */
    readonly key: string,
  ) {
    super(message);
  }
}

export interface LocatedJson {
  value: unknown;
  /** Location of every key path, joined with "\u0000" (keys may contain dots and slashes). */
  locations: Map<string, JsonLocation>;
}

/**
 * Deeper nesting is refused as a syntax error: the parser recurses per level, and a hostile
 * `[[[[…` would otherwise overflow the stack. A lint config needs four levels at most.
 */
export const MAX_JSON_DEPTH = 64;

export const pathKey = (path: ReadonlyArray<string | number>): string => path.map(String).join('\u0000');

/**
 * A small JSON parser that remembers where each key is, so a config error can name the line
 * of the bad key. `JSON.parse` reports positions only in some engines and never for keys.
 */
export function parseJsonWithLocations(text: string): LocatedJson {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const locations = new Map<string, JsonLocation>();
  const path: Array<string | number> = [];

  const here = (): JsonLocation => ({ line, column: i - lineStart + 1 });
  const fail = (message: string): never => {
    const at = here();
    throw new JsonSyntaxError(message, at.line, at.column, path.map(String).join('.'));
  };
  const ws = () => {
    while (i < src.length) {
      const c = src[i];
      if (c === '\n') {
        line++;
        lineStart = i + 1;
      } else if (c !== ' ' && c !== '\t' && c !== '\r') break;
      i++;
    }
  };
  const describe = (c: string | undefined) => (c === undefined ? 'the end of the file' : `"${c}"`);

  const string = (): string => {
    i++;
    let out = '';
    while (i < src.length) {
      const c = src[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\n') fail('unterminated string');
      if (c === '\\') {
        const e = src[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail(`bad escape "\\${e ?? ''}" in a string`);
      } else {
        out += c;
        i++;
      }
    }
    return fail('unterminated string');
  };

  const value = (): unknown => {
    ws();
    const c = src[i];
    if ((c === '{' || c === '[') && path.length >= MAX_JSON_DEPTH) fail(`nested more than ${MAX_JSON_DEPTH} levels deep`);
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(src.slice(i, i + 64));
    if (!literal) return fail(`unexpected ${describe(c)}`);
    i += literal[0].length;
    return literal[0] === 'true' ? true : literal[0] === 'false' ? false : literal[0] === 'null' ? null : Number(literal[0]);
  };

  const object = (): Record<string, unknown> => {
    i++;
    const out: Record<string, unknown> = {};
    ws();
    if (src[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      ws();
      if (src[i] !== '"') fail(`expected a key in double quotes, found ${describe(src[i])}`);
      const at = here();
      const key = string();
      path.push(key);
      locations.set(pathKey(path), at);
      ws();
      if (src[i] !== ':') fail(`expected ":" after "${key}", found ${describe(src[i])}`);
      i++;
      out[key] = value();
      ws();
      const next = src[i];
      if (next === ',') {
        i++;
        ws();
        if (src[i] === '}') fail('trailing comma before "}"');
        path.pop();
        continue;
      }
      if (next === '}') {
        i++;
        path.pop();
        return out;
      }
      fail(`expected "," or "}" after the value of "${key}", found ${describe(next)}`);
    }
  };

  const array = (): unknown[] => {
    i++;
    const out: unknown[] = [];
    ws();
    if (src[i] === ']') {
      i++;
      return out;
    }
    for (;;) {
      ws();
      path.push(out.length);
      locations.set(pathKey(path), here());
      out.push(value());
      path.pop();
      ws();
      const next = src[i];
      if (next === ',') {
        i++;
        continue;
      }
      if (next === ']') {
        i++;
        return out;
      }
      fail(`expected "," or "]" in a list, found ${describe(next)}`);
    }
  };

  ws();
  if (i >= src.length) fail('the file is empty');
  const result = value();
  ws();
  if (i < src.length) fail(`unexpected ${describe(src[i])} after the end of the JSON value`);
  return { value: result, locations };
}
