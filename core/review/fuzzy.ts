/** Best approximate occurrence of a pattern inside a text. */
export interface FuzzyMatch {
  start: number;
  end: number;
  /** Edit distance between the pattern and text[start, end). */
  distance: number;
}

/**
 * Sellers' algorithm: edit distance where the match may start and end anywhere in `text`.
 * O(|pattern|·|text|) time and O(|pattern|) memory; each column also carries where its
 * best alignment started, so the matched range comes out without a traceback.
 */
export function bestApproximateMatch(pattern: string, text: string): FuzzyMatch | null {
  const m = pattern.length;
  if (m === 0 || text.length === 0) return null;
  const codes = new Uint16Array(m);
  for (let i = 0; i < m; i++) codes[i] = pattern.charCodeAt(i);
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let prevStart = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best: FuzzyMatch | null = null;
  for (let j = 1; j <= text.length; j++) {
    const tc = text.charCodeAt(j - 1);
    // Row 0 is free: a match may begin at any text position.
    let left = 0;
    let leftStart = j;
    cur[0] = 0;
    curStart[0] = j;
    for (let i = 1; i <= m; i++) {
      const substitution = prev[i - 1] + (codes[i - 1] === tc ? 0 : 1);
      const skipText = prev[i] + 1;
      const skipPattern = left + 1;
      if (substitution <= skipText && substitution <= skipPattern) {
        left = substitution;
        leftStart = prevStart[i - 1];
      } else if (skipText <= skipPattern) {
        left = skipText;
        leftStart = prevStart[i];
      } else {
        left = skipPattern;
      }
      cur[i] = left;
      curStart[i] = leftStart;
    }
    if (best === null || left < best.distance) best = { start: leftStart, end: j, distance: left };
    // Swap the column buffers (no destructuring: that allocates two arrays per column).
    const t = prev;
    prev = cur;
    cur = t;
    const ts = prevStart;
    prevStart = curStart;
    curStart = ts;
  }
  return best;
}

/**
 * Whether `pattern` could possibly match somewhere in `text` within `maxDistance` edits,
 * by the q-gram lemma: such a match shares at least |pattern| − q + 1 − q·maxDistance of
 * the pattern's q-grams with the text. Cheap, and it rules out most hopeless quotes before
 * the quadratic search runs.
 */
export function mayMatchWithin(pattern: string, textGrams: ReadonlySet<string>, maxDistance: number, q = 3): boolean {
  const needed = pattern.length - q + 1 - q * maxDistance;
  if (needed <= 0) return true;
  let shared = 0;
  for (let i = 0; i + q <= pattern.length; i++) {
    if (textGrams.has(pattern.slice(i, i + q)) && ++shared >= needed) return true;
  }
  return false;
}

/** Every q-gram of a text, for `mayMatchWithin`. */
export function qGrams(text: string, q = 3): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + q <= text.length; i++) grams.add(text.slice(i, i + q));
  return grams;
}
