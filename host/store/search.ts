import type { HighlightedText, SearchHit } from '../../core/contract/ops/search.js';
import type { SpecState } from '../../core/contract/ops/specs.js';
import { MATCH_CLOSE, MATCH_OPEN } from '../db/queries/search.js';
import type { StoreSession } from './session.js';

const MAX_VERSIONS_PER_HIT = 20;

/**
 * What a user typed, as search terms: every word must match, the last one (unless quoted) as a
 * prefix, "quoted text" as a phrase. Terms without a letter or digit are dropped; quotes and
 * NUL characters are not part of any term. Both dialects search by these terms.
 */
export function searchTerms(query: string): Array<{ text: string; phrase: boolean; prefix: boolean }> {
  const terms: Array<{ text: string; phrase: boolean; prefix: boolean }> = [];
  for (const m of query.matchAll(/"([^"]*)"?|(\S+)/g)) {
    const phrase = m[1] !== undefined;
    // NUL ends the expression inside SQLite ("unterminated string", found by the fuzz suite).
    const text = (m[1] ?? m[2] ?? '').replace(/["\u0000]/g, ' ').trim();
    if (/[\p{L}\p{N}]/u.test(text)) terms.push({ text, phrase, prefix: false });
  }
  const last = terms.at(-1);
  if (last && !last.phrase) last.prefix = true;
  return terms;
}

/**
 * Turns what a user typed into an FTS5 expression (see `searchTerms`). Each term is quoted, so
 * FTS5 syntax characters in the input (-, :, *, parentheses) are searched for, never
 * interpreted. Returns null when nothing searchable is left.
 */
export function toMatchExpression(query: string): string | null {
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.text}"${t.prefix ? '*' : ''}`).join(' AND ');
}

/** Splits an FTS5 snippet at the private-use match markers. */
export function toHighlighted(snippet: string): HighlightedText {
  const segments: HighlightedText = [];
  let match = false;
  for (const part of snippet.split(/([\uE000\uE001])/)) {
    if (part === MATCH_OPEN) match = true;
    else if (part === MATCH_CLOSE) match = false;
    else if (part) segments.push({ text: part, match });
  }
  return segments;
}

/** A renamed spec's title with the searched text marked (title hits come before text hits). */
export function highlightTitle(title: string, text: string): HighlightedText {
  const at = title.toLowerCase().indexOf(text.toLowerCase());
  if (at < 0) return [{ text: title, match: false }];
  return [
    { text: title.slice(0, at), match: false },
    { text: title.slice(at, at + text.length), match: true },
    { text: title.slice(at + text.length), match: false },
  ].filter((s) => s.text);
}

/** A spec whose versions matched: its best-ranked content and every matching version number. */
export interface RankedSpec {
  best: number;
  rank: number;
  versions: number[];
}

/**
 * Groups matching versions by spec (lower rank is better), leaving out specs already listed
 * (`seen`), best first. Both dialects rank this way; only where the rank comes from differs.
 */
export function rankBySpec(rows: Iterable<{ spec_id: number; number: number; content_id: number; rank: number }>, seen: ReadonlySet<number>): Array<[number, RankedSpec]> {
  const bySpec = new Map<number, RankedSpec>();
  for (const row of rows) {
    const entry = bySpec.get(row.spec_id);
    if (!entry) bySpec.set(row.spec_id, { best: row.content_id, rank: row.rank, versions: [row.number] });
    else {
      entry.versions.push(row.number);
      if (row.rank < entry.rank) Object.assign(entry, { best: row.content_id, rank: row.rank });
    }
  }
  return [...bySpec].filter(([id]) => !seen.has(id)).sort((a, b) => a[1].rank - b[1].rank);
}

/** The hit of a ranked spec: versions newest first (at most 20), whether the head matched. */
export function toSearchHit(spec: { id: number; title: string; state: SpecState; headVersion: number }, entry: RankedSpec, snippet: HighlightedText): SearchHit {
  const versions = [...entry.versions].sort((a, b) => b - a);
  return { specId: spec.id, title: spec.title, state: spec.state, versions: versions.slice(0, MAX_VERSIONS_PER_HIT), inHead: versions[0] === spec.headVersion, snippet };
}

/**
 * Full-text search over every version of every spec in the given states, one hit per spec,
 * best match first. Specs whose library title (after a rename) contains the text come first.
 */
export function searchSpecs(s: StoreSession, query: string, options: { limit?: number; states?: SpecState[] } = {}): SearchHit[] {
  const limit = options.limit ?? 20;
  const states = options.states ?? ['active', 'archived'];
  const hits: SearchHit[] = [];
  const seen = new Set<number>();

  for (const row of s.q.search.customTitles(query.trim(), states)) {
    const spec = s.q.specs.listItem(row.spec_id);
    if (!spec || hits.length >= limit) continue;
    seen.add(spec.id);
    hits.push({ specId: spec.id, title: spec.title, state: spec.state, versions: [], inHead: false, snippet: highlightTitle(row.title, query.trim()) });
  }

  const match = toMatchExpression(query);
  if (!match) return hits;
  // Rank rows first (cheap), then build snippets only for the specs shown: snippet() on every matching version would dominate.
  const ranked = rankBySpec(s.q.search.versions(match, states), seen);
  for (const [specId, entry] of ranked) {
    if (hits.length >= limit) break;
    const spec = s.q.specs.listItem(specId);
    if (!spec) continue;
    hits.push(toSearchHit(spec, entry, toHighlighted(s.q.search.snippet(match, entry.best) ?? '')));
  }
  return hits;
}
