export type LiteralKind = 'code' | 'json' | 'double' | 'single';

export interface Literal {
  kind: LiteralKind;
  /** Offsets into the text, the delimiters included. */
  start: number;
  end: number;
}

export interface Masked {
  /** The text with every literal blanked to spaces: same length, so offsets carry over. */
  masked: string;
  literals: Literal[];
}

const OPEN_DOUBLE = new Set(['"', '\u201c']);
const CLOSE_FOR: Record<string, string> = { '"': '"', '\u201c': '\u201d', "'": "'", '\u2018': '\u2019' };
/** A quote is a literal's delimiter only when it does not sit inside a word ("user's", "O'Brien"). */
const WORDISH = /[\p{L}\p{N}]/u;
const MAX_QUOTED = 200;
const ANY_DELIMITER = /[`{"'\u201c\u2018]/;
const QUOTE = /["'\u201c\u2018]/g;

/**
 * Finds the literals a rule must never judge — code spans, JSON objects, "double" and
 * 'single' quoted text — and blanks them. `{"error":"SLOW_DOWN"}` and the button labelled
 * 'Fast checkout' name things; they do not describe behaviour.
 */
export function maskLiterals(text: string): Masked {
  if (!ANY_DELIMITER.test(text)) return { masked: text, literals: [] };
  const literals: Literal[] = [];
  const taken = new Uint8Array(text.length);
  const take = (kind: LiteralKind, start: number, end: number) => {
    literals.push({ kind, start, end });
    taken.fill(1, start, end);
  };

  // Code spans first: backticks win over any quote or brace inside them.
  for (let i = text.indexOf('`'); i !== -1 && i < text.length; i = text.indexOf('`', i + 1)) {
    let ticks = 1;
    while (text[i + ticks] === '`') ticks++;
    const fence = '`'.repeat(ticks);
    const close = text.indexOf(fence, i + ticks);
    if (close === -1) {
      i += ticks - 1;
      continue;
    }
    take('code', i, close + ticks);
    i = close + ticks - 1;
  }

  // JSON-looking objects: balanced braces whose content starts like JSON or a placeholder.
  for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i + 1)) {
    if (taken[i]) continue;
    const end = balancedBrace(text, i);
    if (end !== -1 && !hasTaken(taken, i, end)) {
      take('json', i, end);
      i = end - 1;
    }
  }

  QUOTE.lastIndex = 0;
  for (let m = QUOTE.exec(text); m; m = QUOTE.exec(text)) {
    const i = m.index;
    if (taken[i]) continue;
    const ch = text[i];
    if (OPEN_DOUBLE.has(ch)) {
      const close = findClose(text, taken, i, CLOSE_FOR[ch], false);
      if (close !== -1) {
        take('double', i, close + 1);
        QUOTE.lastIndex = close + 1;
      }
    } else if ((ch === "'" || ch === '\u2018') && opensQuote(text, i)) {
      const close = findClose(text, taken, i, CLOSE_FOR[ch], true);
      if (close !== -1) {
        take('single', i, close + 1);
        QUOTE.lastIndex = close + 1;
      }
    }
  }

  literals.sort((a, b) => a.start - b.start);
  if (literals.length === 0) return { masked: text, literals };
  let masked = '';
  let at = 0;
  for (const lit of literals) {
    masked += text.slice(at, lit.start) + ' '.repeat(lit.end - lit.start);
    at = lit.end;
  }
  masked += text.slice(at);
  return { masked, literals };
}

function hasTaken(taken: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken[i]) return true;
  return false;
}

/** `{"a":1}`, `{ "a": … }`, `{APP_BASE_URL}`, `{id}`; not a lone `{` in prose. */
function balancedBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length && i - start < 2000; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** An opening single quote follows a space, a bracket or the start, and precedes a non-space. */
function opensQuote(text: string, i: number): boolean {
  const before = i === 0 ? '' : text[i - 1];
  const after = text[i + 1] ?? '';
  if (before && (WORDISH.test(before) || before === "'")) return false;
  return after !== '' && !/\s/.test(after);
}

function findClose(text: string, taken: Uint8Array, open: number, close: string, single: boolean): number {
  const limit = Math.min(text.length, open + MAX_QUOTED);
  for (let j = open + 1; j < limit; j++) {
    if (taken[j]) return -1;
    const ch = text[j];
    if (ch === '\n') return -1;
    if (ch !== close) continue;
    if (!single) return j > open + 1 ? j : -1;
    // A closing single quote is not an apostrophe: nothing word-like right after it.
    const after = text[j + 1] ?? '';
    const before = text[j - 1];
    if (j > open + 1 && !/\s/.test(before) && !WORDISH.test(after)) return j;
  }
  return -1;
}
