import type { NewVersionRow, VersionRow } from '../../queries/versions.js';
import type { PgQueryable } from '../pg-database.js';

/* `versions` and content-addressed `contents` on PostgreSQL; rows in the SQLite shape (bom as 0/1). */

const SELECT = 'SELECT v.*, v.bom::int AS bom, c.hash, c.bytes FROM versions v JOIN contents c ON c.id = v.content_id';

export function headVersion(q: PgQueryable, specId: number): Promise<VersionRow | null> {
  return q.one<VersionRow>(`${SELECT} WHERE v.spec_id = $1 ORDER BY v.number DESC LIMIT 1`, [specId]);
}

export function versionByNumber(q: PgQueryable, specId: number, number: number): Promise<VersionRow | null> {
  return q.one<VersionRow>(`${SELECT} WHERE v.spec_id = $1 AND v.number = $2`, [specId, number]);
}

export function versionById(q: PgQueryable, id: number): Promise<VersionRow | null> {
  return q.one<VersionRow>(`${SELECT} WHERE v.id = $1`, [id]);
}

/** Newest first. */
export function listVersionRows(q: PgQueryable, specId: number): Promise<VersionRow[]> {
  return q.rows<VersionRow>(`${SELECT} WHERE v.spec_id = $1 ORDER BY v.number DESC`, [specId]);
}

export async function contentMarkdown(q: PgQueryable, contentId: number): Promise<string | undefined> {
  return (await q.one<{ markdown: string }>('SELECT markdown FROM contents WHERE id = $1', [contentId]))?.markdown;
}

/**
 * Stores the text once per SHA-256 and returns its id, new or not. ON CONFLICT DO NOTHING waits
 * for a concurrent insert of the same hash to commit, and the SELECT (a new snapshot under
 * READ COMMITTED) then sees it. DO UPDATE … RETURNING would trip the immutability trigger.
 */
export async function storeContent(q: PgQueryable, hash: string, text: string, bytes: number): Promise<number> {
  const inserted = await q.one<{ id: number }>('INSERT INTO contents (hash, markdown, bytes) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING RETURNING id', [hash, text, bytes]);
  if (inserted) return inserted.id;
  const row = await q.one<{ id: number }>('SELECT id FROM contents WHERE hash = $1', [hash]);
  if (!row) throw new Error(`content ${hash} vanished after insert`);
  return row.id;
}

export async function insertVersionRow(q: PgQueryable, row: NewVersionRow): Promise<number> {
  const inserted = await q.one<{ id: number }>(
    `INSERT INTO versions (spec_id, number, content_id, bom, author, message, created_at, title, status, template,
       section_count, fr_count, nfr_count, ac_count, row_count, readiness, restored_from, fingerprint, changes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id`,
    [
      row.spec_id, row.number, row.content_id, row.bom === 1, row.author, row.message, row.created_at, row.title, row.status, row.template,
      row.section_count, row.fr_count, row.nfr_count, row.ac_count, row.row_count, row.readiness, row.restored_from, row.fingerprint, row.changes,
    ],
  );
  return inserted!.id;
}

/** Removes texts no version points at any more (after emptying the trash). */
export async function deleteOrphanContents(q: PgQueryable): Promise<number> {
  const rows = await q.rows<{ id: number }>('DELETE FROM contents c WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.content_id = c.id) RETURNING c.id');
  return rows.length;
}
