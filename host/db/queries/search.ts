import type { Database } from 'better-sqlite3';
import { lazyStatement } from './lazy-statement.js';
import type { SpecState } from '../../../core/contract/ops/specs.js';

/** Private-use characters mark matches in FTS5 snippets; they cannot clash with Markdown syntax. */
export const MATCH_OPEN = '\uE000';
export const MATCH_CLOSE = '\uE001';

/** One version whose text matched, with its bm25 rank (lower is better). */
export interface SearchRow {
  spec_id: number;
  number: number;
  content_id: number;
  rank: number;
}

/** A spec whose library title (set by rename) matched. */
export interface TitleMatchRow {
  spec_id: number;
  state: SpecState;
  title: string;
}

/** Prepared FTS5 statements; `match` is an FTS5 expression built by the store, never raw user text. */
export function createSearchQueries(db: Database) {
  const ranked = lazyStatement<{ match: string; states: string }, SearchRow>(
    db,
    `SELECT v.spec_id, v.number, v.content_id, m.rank
     FROM (SELECT rowid AS content_id, bm25(contents_fts) AS rank FROM contents_fts WHERE contents_fts MATCH @match) m
     JOIN versions v ON v.content_id = m.content_id
     JOIN specs s ON s.id = v.spec_id
     WHERE s.state IN (SELECT value FROM json_each(@states))`,
  );
  const snippet = lazyStatement<{ match: string; id: number }, { snippet: string }>(
    db,
    `SELECT snippet(contents_fts, 0, '${MATCH_OPEN}', '${MATCH_CLOSE}', '…', 16) AS snippet
     FROM contents_fts WHERE contents_fts MATCH @match AND rowid = @id`,
  );
  const titles = lazyStatement<{ like: string; states: string }, TitleMatchRow>(
    db,
    `SELECT s.id AS spec_id, s.state, s.custom_title AS title FROM specs s
     WHERE s.custom_title LIKE @like ESCAPE '\\' AND s.state IN (SELECT value FROM json_each(@states))
     ORDER BY s.updated_at DESC`,
  );
  const pending = lazyStatement<[number], { content_id: number }>(db, 'SELECT content_id FROM fts_pending ORDER BY content_id LIMIT ?');
  const index = lazyStatement<[number]>(db, 'INSERT INTO contents_fts (rowid, markdown) SELECT id, markdown FROM contents WHERE id = ?');
  const dequeue = lazyStatement<[number]>(db, 'DELETE FROM fts_pending WHERE content_id = ?');
  return {
    /** Up to `limit` contents ids waiting to be indexed. */
    pending: (limit: number): number[] => pending().all(limit).map((r) => r.content_id),
    /** Adds one content to the FTS index and takes it off the queue. Call inside a write transaction. */
    index: (contentId: number): void => {
      index().run(contentId);
      dequeue().run(contentId);
    },
    /** Every version whose text matches, unordered; the store groups them by spec. */
    versions: (match: string, states: SpecState[]): SearchRow[] => ranked().all({ match, states: JSON.stringify(states) }),
    snippet: (match: string, contentId: number): string | undefined => snippet().get({ match, id: contentId })?.snippet,
    customTitles: (text: string, states: SpecState[]): TitleMatchRow[] =>
      titles().all({ like: `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, states: JSON.stringify(states) }),
  };
}

export type SearchQueries = ReturnType<typeof createSearchQueries>;
