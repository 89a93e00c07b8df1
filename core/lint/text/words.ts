/** A span of text by offsets. */
export interface Span {
  start: number;
  end: number;
}

export interface Match extends Span {
  text: string;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One case-insensitive regex for a list of words and phrases, longest first so "as
 * expected" wins over "expected". Boundaries exclude letters, digits, `_` and `-` on both
 * sides: "fast" does not match in "fast_path" or "fast-track", and "works" not in "networks".
 */
export function phraseRegex(phrases: Iterable<string>): RegExp | null {
  const list = [...new Set([...phrases].map((p) => p.trim().toLowerCase()).filter(Boolean))];
  if (list.length === 0) return null;
  list.sort((a, b) => b.length - a.length);
  const body = list.map((p) => escapeRe(p).replace(/\s+/g, '\\s+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${body})(?![\\p{L}\\p{N}_-])`, 'giu');
}

/** Every match of a global regex in `text`, optionally limited to the spans given. */
export function findAll(re: RegExp | null, text: string, within?: Span[]): Match[] {
  if (!re) return [];
  const found: Match[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const span = { start: m.index, end: m.index + m[0].length, text: m[0] };
    if (!within || within.some((w) => span.start >= w.start && span.end <= w.end)) found.push(span);
  }
  return found;
}

export function overlaps(span: Span, spans: Span[]): boolean {
  return spans.some((s) => span.start < s.end && span.end > s.start);
}

export interface Word extends Span {
  /** Lower-cased. */
  word: string;
}

const WORD = /[\p{L}][\p{L}\p{N}'’]*/gu;

/** Letter-led words of the text (lower-cased), apostrophes kept inside ("user's"). */
export function wordsOf(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  const slice = text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    out.push({ start: from + m.index, end: from + m.index + m[0].length, word: m[0].toLowerCase() });
  }
  return out;
}

/**
 * Sentence spans: a sentence ends at ".", "!" or "?" followed by white space or the end
 * (not inside "1.5" or "e.g."), at ";" and at a line break.
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const re = /(?<!\b(?:e\.g|i\.e|etc|vs|approx))[.!?](?=\s|$)|;|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + 1;
    if (text.slice(start, end).trim()) spans.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) spans.push({ start, end: text.length });
  return spans;
}

/** The span of `spans` containing `offset`, else the whole text. */
export function spanAt(spans: Span[], offset: number, length: number): Span {
  return spans.find((s) => offset >= s.start && offset < s.end) ?? { start: 0, end: length };
}
