import type { SearchHit } from '../../../core/contract/ops/search.js';
import type { SpecState } from '../../../core/contract/ops/specs.js';
import type { PgDatabase } from '../../db/pg/pg-database.js';
import { searchCustomTitles, searchSnippet, searchVersions } from '../../db/pg/queries/search.js';
import { specListItem } from '../../db/pg/queries/specs.js';
import { highlightTitle, rankBySpec, toHighlighted, toSearchHit } from '../search.js';

// PostgreSQL refuses tsquery words over 2 KB; nobody types one, and a pasted blob is not a word to look for.
const MAX_WORD = 256;

/**
 * Turns what a user typed into a tsquery with the meaning `toMatchExpression` gives FTS5: every
 * term must match, the last one as a prefix ("tok" finds "token"), "quoted text" as a phrase.
 * Only runs of letters and digits reach the query, joined by operators this function writes,
 * so tsquery syntax in the input (&, |, !, :, *, parentheses, quotes) is never interpreted.
 * A term of several words ("AC-2", "quoted text") must match them in order (`<->`), as the
 * 'simple' parser indexes each part of a hyphenated word. Null when nothing searchable is left.
 */
export function toTsQuery(query: string): string | null {
  const terms: Array<{ words: string[]; phrase: boolean }> = [];
  for (const m of query.matchAll(/"([^"]*)"?|(\S+)/g)) {
    const words = (m[1] ?? m[2] ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu)?.filter((w) => w.length <= MAX_WORD) ?? [];
    if (words.length > 0) terms.push({ words, phrase: m[1] !== undefined });
  }
  if (terms.length === 0) return null;
  return terms
    .map((t, i) => {
      const prefix = !t.phrase && i === terms.length - 1;
      return `(${t.words.map((w, j) => (prefix && j === t.words.length - 1 ? `${w}:*` : w)).join(' <-> ')})`;
    })
    .join(' & ');
}

/**
 * Full-text search over every version of every spec in the given states, one hit per spec, best
 * match first (ts_rank where SQLite uses bm25). Specs whose library title contains the text come first.
 */
export async function pgSearch(db: PgDatabase, query: string, options: { limit?: number; states?: SpecState[] } = {}): Promise<SearchHit[]> {
  const limit = options.limit ?? 20;
  const states = options.states ?? ['active', 'archived'];
  const hits: SearchHit[] = [];
  const seen = new Set<number>();

  for (const row of await searchCustomTitles(db, query.trim(), states)) {
    if (hits.length >= limit) break;
    const spec = await specListItem(db, row.spec_id);
    if (!spec) continue;
    seen.add(spec.id);
    hits.push({ specId: spec.id, title: spec.title, state: spec.state, versions: [], inHead: false, snippet: highlightTitle(row.title, query.trim()) });
  }

  const tsquery = toTsQuery(query);
  if (!tsquery) return hits;
  // Rank rows first (cheap), then build snippets only for the specs shown: ts_headline re-parses the whole text.
  const ranked = rankBySpec(await searchVersions(db, tsquery, states), seen);
  for (const [specId, entry] of ranked) {
    if (hits.length >= limit) break;
    const spec = await specListItem(db, specId);
    if (!spec) continue;
    hits.push(toSearchHit(spec, entry, toHighlighted((await searchSnippet(db, tsquery, entry.best)) ?? '')));
  }
  return hits;
}
