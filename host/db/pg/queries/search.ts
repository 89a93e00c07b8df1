import type { SpecState } from '../../../../core/contract/ops/specs.js';
import { MATCH_CLOSE, MATCH_OPEN, type SearchRow, type TitleMatchRow } from '../../queries/search.js';
import type { PgQueryable } from '../pg-database.js';
import { likePattern } from './specs.js';

/*
 * Full-text search on PostgreSQL: `contents.search` is a generated tsvector ('simple' config,
 * migration 001) with a GIN index, so a save needs no indexing step. The `tsquery` the other
 * statements take is always the output of `buildTsQuery`, never user text.
 */

/**
 * The tsquery for search terms, built by PostgreSQL from plain text: each term goes through
 * `phraseto_tsquery`, which splits it with the same parser that indexed the texts (so "AC-2" or
 * "foo-bar" become the lexemes the index holds) and never reads operators in it; the words of a
 * term must follow each other (`<->`); a prefix term's last lexeme gets `:*`; terms are ANDed.
 * Null when no term has a lexeme. The result is tsquery text, cast back with `::tsquery`.
 */
export async function buildTsQuery(q: PgQueryable, terms: ReadonlyArray<{ text: string; prefix: boolean }>): Promise<string | null> {
  if (terms.length === 0) return null;
  const row = await q.one<{ query: string | null }>(
    `SELECT string_agg('(' || CASE WHEN t.prefix THEN regexp_replace(p.q::text, '''$', ''':*') ELSE p.q::text END || ')', ' & ' ORDER BY t.ord) AS query
     FROM unnest($1::text[], $2::boolean[]) WITH ORDINALITY AS t(text, prefix, ord)
     CROSS JOIN LATERAL (SELECT phraseto_tsquery('simple', t.text) AS q) p
     WHERE numnode(p.q) > 0`,
    [terms.map((t) => t.text), terms.map((t) => t.prefix)],
  );
  return row?.query ?? null;
}

/** Every version whose text matches, with a rank where lower is better (negated ts_rank, like bm25). */
export function searchVersions(q: PgQueryable, tsquery: string, states: SpecState[]): Promise<SearchRow[]> {
  return q.rows<SearchRow>(
    `SELECT v.spec_id, v.number, v.content_id, -ts_rank(c.search, $1::tsquery) AS rank
     FROM contents c
     JOIN versions v ON v.content_id = c.id
     JOIN specs s ON s.id = v.spec_id
     WHERE c.search @@ $1::tsquery AND s.state = ANY($2::text[])`,
    [tsquery, states],
  );
}

// One fragment of about 16 words around the best match, the matches marked like FTS5's snippet().
const HEADLINE_OPTIONS = `StartSel=${MATCH_OPEN}, StopSel=${MATCH_CLOSE}, MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…, ShortWord=0`;

/** The matched passage of one content, matches between MATCH_OPEN and MATCH_CLOSE. */
export async function searchSnippet(q: PgQueryable, tsquery: string, contentId: number): Promise<string | undefined> {
  const row = await q.one<{ snippet: string }>(`SELECT ts_headline('simple', markdown, $1::tsquery, $3) AS snippet FROM contents WHERE id = $2`, [
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
