import type { Draft } from '../../../../core/contract/ops/drafts.js';
import { toDraft, type DraftRow } from '../../queries/drafts.js';
import type { PgQueryable } from '../pg-database.js';

/* `drafts` (one autosave per spec) on PostgreSQL; rows in the SQLite shape (bom as 0/1). */

export async function upsertDraft(q: PgQueryable, row: DraftRow): Promise<void> {
  await q.rows(
    `INSERT INTO drafts (spec_id, markdown, bom, cursor_line, cursor_column, base_version_id, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (spec_id) DO UPDATE SET markdown = excluded.markdown, bom = excluded.bom, cursor_line = excluded.cursor_line,
       cursor_column = excluded.cursor_column, base_version_id = excluded.base_version_id, updated_at = excluded.updated_at`,
    [row.spec_id, row.markdown, row.bom === 1, row.cursor_line, row.cursor_column, row.base_version_id, row.updated_at],
  );
}

export async function getDraft(q: PgQueryable, specId: number): Promise<Draft | undefined> {
  const row = await q.one<DraftRow>('SELECT *, bom::int AS bom FROM drafts WHERE spec_id = $1', [specId]);
  return row ? toDraft(row) : undefined;
}

export async function removeDraft(q: PgQueryable, specId: number): Promise<boolean> {
  return (await q.rows('DELETE FROM drafts WHERE spec_id = $1 RETURNING spec_id', [specId])).length > 0;
}

/** Drops the draft only if it holds exactly this text: a newer draft typed meanwhile survives. */
export async function removeDraftIfSame(q: PgQueryable, specId: number, markdown: string, bom: boolean): Promise<boolean> {
  return (await q.rows('DELETE FROM drafts WHERE spec_id = $1 AND markdown = $2 AND bom = $3 RETURNING spec_id', [specId, markdown, bom])).length > 0;
}
