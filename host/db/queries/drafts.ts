import type { Database } from 'better-sqlite3';
import { lazyStatement } from './lazy-statement.js';
import type { Draft } from '../../../core/contract/ops/drafts.js';

/** A `drafts` row as stored. */
export interface DraftRow {
  spec_id: number;
  markdown: string;
  bom: number;
  cursor_line: number;
  cursor_column: number;
  base_version_id: number | null;
  updated_at: string;
}

export function toDraft(row: DraftRow): Draft {
  return {
    specId: row.spec_id,
    markdown: row.markdown,
    bom: row.bom === 1,
    cursor: { line: row.cursor_line, column: row.cursor_column },
    baseVersionId: row.base_version_id,
    updatedAt: row.updated_at,
  };
}

/** Prepared statements over `drafts` (one per spec). */
export function createDraftQueries(db: Database) {
  const upsert = lazyStatement<DraftRow>(
    db,
    `INSERT INTO drafts (spec_id, markdown, bom, cursor_line, cursor_column, base_version_id, updated_at)
     VALUES (@spec_id, @markdown, @bom, @cursor_line, @cursor_column, @base_version_id, @updated_at)
     ON CONFLICT (spec_id) DO UPDATE SET markdown = excluded.markdown, bom = excluded.bom, cursor_line = excluded.cursor_line,
       cursor_column = excluded.cursor_column, base_version_id = excluded.base_version_id, updated_at = excluded.updated_at`,
  );
  const get = lazyStatement<[number], DraftRow>(db, 'SELECT * FROM drafts WHERE spec_id = ?');
  const remove = lazyStatement<[number]>(db, 'DELETE FROM drafts WHERE spec_id = ?');
  const removeIfSame = lazyStatement<[number, string, number]>(db, 'DELETE FROM drafts WHERE spec_id = ? AND markdown = ? AND bom = ?');

  return {
    save: (row: DraftRow): void => void upsert().run(row),
    get: (specId: number): Draft | undefined => {
      const row = get().get(specId);
      return row ? toDraft(row) : undefined;
    },
    remove: (specId: number): boolean => remove().run(specId).changes > 0,
    /** Drops the draft only if it holds exactly this text: a newer draft typed meanwhile survives. */
    removeIfSame: (specId: number, markdown: string, bom: boolean): boolean => removeIfSame().run(specId, markdown, bom ? 1 : 0).changes > 0,
  };
}

export type DraftQueries = ReturnType<typeof createDraftQueries>;
