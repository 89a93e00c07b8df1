import type { SpecState } from '../../../../core/contract/ops/specs.js';
import { MATCH_CLOSE, MATCH_OPEN, type SearchRow, type TitleMatchRow } from '../../queries/search.js';
import type { PgQueryable } from '../pg-database.js';
import { likePattern } from './specs.js';

/*
 * Full-text search on PostgreSQL: `contents.search` is a generated tsvector ('simple' config,
 * migration 001) with a GIN index, so a save needs no indexing step. `tsquery` is always built by
 * the store from letters and digits only (see `toTsQuery`), never raw user text.
 */

/** Every version whose text matches, with a rank where lower is better (negated ts_rank, like bm25). */
export function searchVersions(q: PgQueryable, tsquery: string, states: SpecState[]): Promise<SearchRow[]> {
  return q.rows<SearchRow>(
    `SELECT v.spec_id, v.number, v.content_id, -ts_rank(c.search, query) AS rank
     FROM contents c CROSS JOIN to_tsquery('simple', $1) query
     JOIN versions v ON v.content_id = c.id
     JOIN specs s ON s.id = v.spec_id
     WHERE c.search @@ query AND s.state = ANY($2::text[])`,
    [tsquery, states],
  );
}

// One fragment of about 16 words around the best match, the matches marked like FTS5's snippet().
const HEADLINE_OPTIONS = `StartSel=${MATCH_OPEN}, StopSel=${MATCH_CLOSE}, MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…, ShortWord=0`;

/** The matched passage of one content, matches between MATCH_OPEN and MATCH_CLOSE. */
export async function searchSnippet(q: PgQueryable, tsquery: string, contentId: number): Promise<string | undefined> {
  const row = await q.one<{ snippet: string }>(`SELECT ts_headline('simple', markdown, to_tsquery('simple', $1), $3) AS snippet FROM contents WHERE id = $2`, [
    tsquery,
    contentId,
    HEADLINE_OPTIONS,
  ]);
  return row?.snippet;
}

/** Specs whose library title (set by rename) contains `text`, case-insensitively, most recently edited first. */
export function searchCustomTitles(q: PgQueryable, text: string, states: SpecState[]): Promise<TitleMatchRow[]> {
  return q.rows<TitleMatchRow>(
    `SELECT s.id AS spec_id, s.state, s.custom_title AS title FROM specs s
     WHERE s.custom_title ILIKE $1 ESCAPE '\\' AND s.state = ANY($2::text[])
     ORDER BY s.updated_at COLLATE "C" DESC`,
    [likePattern(text), states],
  );
}
