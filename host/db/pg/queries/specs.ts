import type { SpecListItem, SpecSort, SpecState } from '../../../../core/contract/ops/specs.js';
import { toSpecListItem, type SpecListFilter, type SpecListRow, type SpecRow } from '../../queries/specs.js';
import type { PgQueryable } from '../pg-database.js';

/*
 * `specs` on PostgreSQL: the statements of `host/db/queries/specs.ts` in this dialect. Rows come
 * back in the SQLite shapes (booleans cast to 0/1), so the same mappers make the same domain types.
 */

const LIST_SELECT = `
  SELECT s.*, v.id AS head_id, v.number AS head_number, v.title AS doc_title, v.status, v.template, v.readiness,
         v.section_count, v.fr_count, v.nfr_count, v.ac_count, v.row_count,
         EXISTS (SELECT 1 FROM drafts d WHERE d.spec_id = s.id)::int AS has_draft
  FROM specs s
  JOIN versions v ON v.id = (SELECT h.id FROM versions h WHERE h.spec_id = s.id ORDER BY h.number DESC LIMIT 1)`;

// SQLite's NOCASE folds ASCII only and compares bytes: lower() under the "C" collation does the same.
const nocase = (sql: string) => `lower(${sql}) COLLATE "C"`;
const TITLE = 'coalesce(s.custom_title, v.title)';

// Sort keys map to fixed SQL fragments: no caller text ever reaches ORDER BY.
const ORDER: Record<SpecSort, { sql: (dir: string) => string; defaultDir: 'asc' | 'desc' }> = {
  lastEdited: { sql: (d) => `s.updated_at COLLATE "C" ${d}, s.id ${d}`, defaultDir: 'desc' },
  created: { sql: (d) => `s.created_at COLLATE "C" ${d}, s.id ${d}`, defaultDir: 'desc' },
  title: { sql: (d) => `${nocase(TITLE)} ${d}, s.id`, defaultDir: 'asc' },
  readiness: { sql: (d) => `v.readiness IS NULL, v.readiness ${d}, ${nocase(TITLE)}`, defaultDir: 'desc' },
  status: { sql: (d) => `v.status IS NULL, ${nocase('v.status')} ${d}, ${nocase(TITLE)}`, defaultDir: 'asc' },
};

/** `%text%` for LIKE with `\` escaping, as the SQLite queries build it. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function insertSpec(q: PgQueryable, customTitle: string | null, importName: string | null, now: string): Promise<number> {
  const row = await q.one<{ id: number }>(
    `INSERT INTO specs (custom_title, import_name, state, created_at, updated_at) VALUES ($1, $2, 'active', $3, $3) RETURNING id`,
    [customTitle, importName, now],
  );
  return row!.id;
}

export function getSpecRow(q: PgQueryable, id: number): Promise<SpecRow | null> {
  return q.one<SpecRow>('SELECT * FROM specs WHERE id = $1', [id]);
}

/** The spec row, locked until the transaction ends: concurrent saves of one spec queue here, so version numbers never collide. */
export function lockSpecRow(q: PgQueryable, id: number): Promise<SpecRow | null> {
  return q.one<SpecRow>('SELECT * FROM specs WHERE id = $1 FOR UPDATE', [id]);
}

export async function specListItem(q: PgQueryable, id: number): Promise<SpecListItem | undefined> {
  const row = await q.one<SpecListRow>(`${LIST_SELECT} WHERE s.id = $1`, [id]);
  return row ? toSpecListItem(row) : undefined;
}

export async function listSpecItems(q: PgQueryable, filter: SpecListFilter): Promise<SpecListItem[]> {
  const order = ORDER[filter.sort];
  const dir = (filter.direction ?? order.defaultDir) === 'asc' ? 'ASC' : 'DESC';
  const rows = await q.rows<SpecListRow>(
    `${LIST_SELECT}
     WHERE s.state = $1 AND ($2::text IS NULL OR v.status = $2)
       AND ($3::text IS NULL OR ${TITLE} ILIKE $3 ESCAPE '\\')
     ORDER BY ${order.sql(dir)}`,
    [filter.state, filter.status ?? null, filter.titleContains ? likePattern(filter.titleContains) : null],
  );
  return rows.map(toSpecListItem);
}

export async function setSpecTitle(q: PgQueryable, id: number, title: string, now: string): Promise<void> {
  await q.rows('UPDATE specs SET custom_title = $2, updated_at = $3 WHERE id = $1', [id, title, now]);
}

export async function setSpecState(q: PgQueryable, id: number, state: SpecState, before: 'active' | 'archived' | null, trashedAt: string | null): Promise<void> {
  await q.rows('UPDATE specs SET state = $2, state_before_trash = $3, trashed_at = $4 WHERE id = $1', [id, state, before, trashedAt]);
}

export async function touchSpec(q: PgQueryable, id: number, now: string): Promise<void> {
  await q.rows('UPDATE specs SET updated_at = $2 WHERE id = $1', [id, now]);
}

export async function trashedSpecIds(q: PgQueryable): Promise<number[]> {
  return (await q.rows<{ id: number }>("SELECT id FROM specs WHERE state = 'trashed' ORDER BY id")).map((r) => r.id);
}

/** Deletes the trashed specs among `ids`; versions, drafts, finding states and runs go with them (ON DELETE CASCADE). Returns how many. */
export async function deleteTrashedSpecs(q: PgQueryable, ids: readonly number[]): Promise<number> {
  const rows = await q.rows<{ id: number }>("DELETE FROM specs WHERE id = ANY($1::int[]) AND state = 'trashed' RETURNING id", [ids]);
  return rows.length;
}
