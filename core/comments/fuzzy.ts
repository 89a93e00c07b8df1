import DiffMatchPatch from 'diff-match-patch';

/**
 * Fuzzy placement with diff-match-patch's Bitap `match_main`. Thresholds, chosen so a reworded
 * phrase is still found and unrelated text is not:
 * - `Match_Threshold` 0.35: a candidate may differ in about a third of the pattern's characters
 *   (0 = exact only, 1 = anything; the library default 0.5 matched unrelated words in our tests).
 * - `Match_Distance` 1000: a match 1,000 characters from the expected position scores as badly
 *   as a fully wrong one, so far-away look-alikes lose.
 * - Bitap matches at most 32 characters (`Match_MaxBits`); a longer quote is found by its first
 *   and last 32 characters, as diff-match-patch's own `patch_apply` does.
 * - Accepted only when the found span is within 30 % Levenshtein distance of the quote and the
 *   quote has at least `FUZZY_MIN_LENGTH` characters: short quotes are placed exactly or not at all.
 */
export const FUZZY_THRESHOLD = 0.35;
export const FUZZY_DISTANCE = 1000;
export const FUZZY_MAX_DIFFERENCE = 0.3;
export const FUZZY_MIN_LENGTH = 8;

const dmp = new DiffMatchPatch();
dmp.Match_Threshold = FUZZY_THRESHOLD;
dmp.Match_Distance = FUZZY_DISTANCE;
dmp.Diff_Timeout = 0.05;
const BITS = dmp.Match_MaxBits;

/** Levenshtein distance over the quote's length: 0 = identical, 1 = nothing in common. */
export function difference(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.max(a.length, b.length);
  if (length === 0) return 0;
  return dmp.diff_levenshtein(dmp.diff_main(a, b, false)) / length;
}

/** Finds `pattern` in text[from, to) near `expected`; returns document offsets, or null. */
export function fuzzyFind(text: string, pattern: string, expected: number, from = 0, to = text.length): { start: number; end: number } | null {
  if (pattern.length < FUZZY_MIN_LENGTH) return null;
  const window = text.slice(from, to);
  if (window.length === 0) return null;
  const loc = Math.min(Math.max(0, expected - from), window.length);
  let start: number;
  let end: number;
  if (pattern.length <= BITS) {
    start = dmp.match_main(window, pattern, loc);
    if (start < 0) return null;
    end = bestEnd(window, pattern, start);
  } else {
    const head = dmp.match_main(window, pattern.slice(0, BITS), loc);
    if (head < 0) return null;
    const tail = dmp.match_main(window, pattern.slice(-BITS), Math.min(window.length, head + pattern.length - BITS));
    if (tail < 0 || tail + BITS <= head) return null;
    start = head;
    end = refineEnd(window, pattern, start, tail + BITS);
  }
  end = Math.min(end, window.length);
  if (end <= start || difference(window.slice(start, end), pattern) > FUZZY_MAX_DIFFERENCE) return null;
  return { start: from + start, end: from + end };
}

/** Bitap gives the start only; the end is the one (within ±30 %) whose span is closest to the pattern. */
function bestEnd(window: string, pattern: string, start: number): number {
  const slack = Math.ceil(pattern.length * FUZZY_MAX_DIFFERENCE);
  let best = start + pattern.length;
  let bestScore = Infinity;
  for (let len = Math.max(1, pattern.length - slack); len <= pattern.length + slack && start + len <= window.length; len++) {
    const score = difference(window.slice(start, start + len), pattern);
    if (score < bestScore || (score === bestScore && Math.abs(len - pattern.length) < Math.abs(best - start - pattern.length))) {
      bestScore = score;
      best = start + len;
    }
  }
  return best;
}

/** The tail match can land a few characters off where words changed near the end: settle on the closest span. */
function refineEnd(window: string, pattern: string, start: number, guess: number): number {
  let best = guess;
  let bestScore = difference(window.slice(start, guess), pattern);
  for (let end = Math.max(start + 1, guess - 8); end <= Math.min(window.length, guess + 8); end++) {
    const score = difference(window.slice(start, end), pattern);
    if (score < bestScore) {
      bestScore = score;
      best = end;
    }
  }
  return best;
}
