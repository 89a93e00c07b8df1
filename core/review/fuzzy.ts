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
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let prevStart = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    prev[i] = i;
    prevStart[i] = 0;
  }
  let best: FuzzyMatch | null = null;
  for (let j = 1; j <= text.length; j++) {
    cur[0] = 0;
    curStart[0] = j;
    const tc = text.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const substitution = prev[i - 1] + (pattern.charCodeAt(i - 1) === tc ? 0 : 1);
      const skipText = prev[i] + 1;
      const skipPattern = cur[i - 1] + 1;
      if (substitution <= skipText && substitution <= skipPattern) {
        cur[i] = substitution;
        curStart[i] = prevStart[i - 1];
      } else if (skipText <= skipPattern) {
        cur[i] = skipText;
        curStart[i] = prevStart[i];
      } else {
        cur[i] = skipPattern;
        curStart[i] = curStart[i - 1];
      }
    }
    if (best === null || cur[m] < best.distance) best = { start: curStart[m], end: j, distance: cur[m] };
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  return best;
}
