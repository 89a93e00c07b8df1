/** One hit of a find across panes: where it is in which pane's text. */
export interface FindMatch {
  paneId: string;
  offset: number;
  length: number;
}

/** Every case-insensitive occurrence of `query` in each text, in the order the texts are given. */
export function findMatches(texts: readonly { id: string; text: string }[], query: string, limit = 5000): FindMatch[] {
  if (!query) return [];
  const needle = query.toLowerCase();
  const matches: FindMatch[] = [];
  for (const { id, text } of texts) {
    const hay = text.toLowerCase();
    // Lower-casing can change lengths (e.g. "İ"); then fall back to exact-case search so offsets stay true.
    const sameLength = hay.length === text.length;
    const h = sameLength ? hay : text;
    const n = sameLength ? needle : query;
    for (let at = h.indexOf(n); at !== -1; at = h.indexOf(n, at + n.length)) {
      matches.push({ paneId: id, offset: at, length: query.length });
      if (matches.length >= limit) return matches;
    }
  }
  return matches;
}

/** The next match index after stepping `by` (±1) from `current`, wrapping around. */
export function stepMatch(current: number, count: number, by: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return by === 1 ? 0 : count - 1;
  return (current + by + count) % count;
}
