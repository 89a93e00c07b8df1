import type { SearchHit } from '../../../core/contract/ops/search.js';
import type { SpecState } from '../../../core/contract/ops/specs.js';
import type { PgDatabase } from '../../db/pg/pg-database.js';
import { buildTsQuery, searchCustomTitles, searchSnippet, searchVersions } from '../../db/pg/queries/search.js';
import { specListItem } from '../../db/pg/queries/specs.js';
import { highlightTitle, rankBySpec, searchTerms, toHighlighted, toSearchHit } from '../search.js';

/**
 * Full-text search over every version of every spec in the given states, one hit per spec, best
 * match first (ts_rank where SQLite uses bm25). Specs whose library title contains the text come
 * first. The terms are those SQLite searches by (`searchTerms`); PostgreSQL turns them into a
 * tsquery itself, so user text is never read as tsquery syntax.
 */
export async function pgSearch(db: PgDatabase, query: string, options: { limit?: number; states?: SpecState[] } = {}): Promise<SearchHit[]> {
  const limit = options.limit ?? 20;
  const states = options.states ?? ['active', 'archived'];
  const hits: SearchHit[] = [];
  const seen = new Set<number>();

  // No title holds NUL here (PostgreSQL text cannot), so such a query matches no title.
  const titles = query.includes('\u0000') ? [] : await searchCustomTitles(db, query.trim(), states);
  for (const row of titles) {
    if (hits.length >= limit) break;
    const spec = await specListItem(db, row.spec_id);
    if (!spec) continue;
    seen.add(spec.id);
    hits.push({ specId: spec.id, title: spec.title, state: spec.state, versions: [], inHead: false, snippet: highlightTitle(row.title, query.trim()) });
  }

  const tsquery = await buildTsQuery(db, searchTerms(query));
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
