import type { Database } from 'better-sqlite3';
import { lazyStatement } from './lazy-statement.js';
import type { SpecListItem, SpecSort, SpecState } from '../../../core/contract/ops/specs.js';

/** A `specs` row as stored. */
export interface SpecRow {
  id: number;
  custom_title: string | null;
  import_name: string | null;
  state: SpecState;
  state_before_trash: 'active' | 'archived' | null;
  created_at: string;
  updated_at: string;
  trashed_at: string | null;
}

/** A spec joined with its newest version and draft flag: one library row. */
export interface SpecListRow extends SpecRow {
  head_id: number;
  head_number: number;
  doc_title: string;
  status: string | null;
  template: string;
  readiness: number | null;
  section_count: number;
  fr_count: number;
  nfr_count: number;
  ac_count: number;
  row_count: number;
  has_draft: number;
}

export function toSpecListItem(row: SpecListRow): SpecListItem {
  return {
    id: row.id,
    title: row.custom_title ?? row.doc_title,
    status: row.status,
    state: row.state,
    template: row.template,
    readiness: row.readiness,
    headVersionId: row.head_id,
    headVersion: row.head_number,
    counts: { sections: row.section_count, fr: row.fr_count, nfr: row.nfr_count, ac: row.ac_count, rows: row.row_count },
    importName: row.import_name,
    createdAt: row.created_at,
    lastEditedAt: row.updated_at,
    hasDraft: row.has_draft === 1,
    trashedAt: row.trashed_at,
  };
}

const LIST_SELECT = `
  SELECT s.*, v.id AS head_id, v.number AS head_number, v.title AS doc_title, v.status, v.template, v.readiness,
         v.section_count, v.fr_count, v.nfr_count, v.ac_count, v.row_count,
         EXISTS (SELECT 1 FROM drafts d WHERE d.spec_id = s.id) AS has_draft
  FROM specs s
  JOIN versions v ON v.id = (SELECT h.id FROM versions h WHERE h.spec_id = s.id ORDER BY h.number DESC LIMIT 1)`;

// Sort keys map to fixed SQL fragments: no caller text ever reaches ORDER BY.
const ORDER: Record<SpecSort, { sql: (dir: string) => string; defaultDir: 'asc' | 'desc' }> = {
  lastEdited: { sql: (d) => `s.updated_at ${d}, s.id ${d}`, defaultDir: 'desc' },
  created: { sql: (d) => `s.created_at ${d}, s.id ${d}`, defaultDir: 'desc' },
  title: { sql: (d) => `coalesce(s.custom_title, v.title) COLLATE NOCASE ${d}, s.id`, defaultDir: 'asc' },
  readiness: { sql: (d) => `v.readiness IS NULL, v.readiness ${d}, coalesce(s.custom_title, v.title) COLLATE NOCASE`, defaultDir: 'desc' },
  status: { sql: (d) => `v.status IS NULL, v.status COLLATE NOCASE ${d}, coalesce(s.custom_title, v.title) COLLATE NOCASE`, defaultDir: 'asc' },
};

export interface SpecListFilter {
  state: SpecState;
  status?: string;
  titleContains?: string;
  sort: SpecSort;
  direction?: 'asc' | 'desc';
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Prepared statements over `specs`. */
export function createSpecQueries(db: Database) {
  const insert = lazyStatement<{ custom_title: string | null; import_name: string | null; now: string }>(
    db,
    `INSERT INTO specs (custom_title, import_name, state, created_at, updated_at) VALUES (@custom_title, @import_name, 'active', @now, @now)`,
  );
  const get = lazyStatement<[number], SpecRow>(db, 'SELECT * FROM specs WHERE id = ?');
  const listItem = lazyStatement<[number], SpecListRow>(db, `${LIST_SELECT} WHERE s.id = ?`);
  const setTitle = lazyStatement<{ id: number; title: string; now: string }>(db, 'UPDATE specs SET custom_title = @title, updated_at = @now WHERE id = @id');
  const setState = lazyStatement<{ id: number; state: SpecState; before: string | null; trashed_at: string | null }>(
    db,
    'UPDATE specs SET state = @state, state_before_trash = @before, trashed_at = @trashed_at WHERE id = @id',
  );
  const touch = lazyStatement<{ id: number; now: string }>(db, 'UPDATE specs SET updated_at = @now WHERE id = @id');
  const trashed = lazyStatement<[], { id: number }>(db, "SELECT id FROM specs WHERE state = 'trashed' ORDER BY id");
  const remove = lazyStatement<[number]>(db, "DELETE FROM specs WHERE id = ? AND state = 'trashed'");
  const listStatements = new Map<string, ReturnType<typeof db.prepare<{ state: string; status: string | null; title: string | null }, SpecListRow>>>();

  return {
    insert: (customTitle: string | null, importName: string | null, now: string): number =>
      Number(insert().run({ custom_title: customTitle, import_name: importName, now }).lastInsertRowid),
    get: (id: number): SpecRow | undefined => get().get(id),
    listItem: (id: number): SpecListItem | undefined => {
      const row = listItem().get(id);
      return row ? toSpecListItem(row) : undefined;
    },
    list: (filter: SpecListFilter): SpecListItem[] => {
      const order = ORDER[filter.sort];
      const dir = (filter.direction ?? order.defaultDir) === 'asc' ? 'ASC' : 'DESC';
      const key = `${filter.sort}:${dir}`;
      let statement = listStatements.get(key);
      if (!statement) {
        statement = db.prepare(
          `${LIST_SELECT}
           WHERE s.state = @state AND (@status IS NULL OR v.status = @status)
             AND (@title IS NULL OR coalesce(s.custom_title, v.title) LIKE @title ESCAPE '\\')
           ORDER BY ${order.sql(dir)}`,
        );
        listStatements.set(key, statement);
      }
      const rows = statement.all({
        state: filter.state,
        status: filter.status ?? null,
        title: filter.titleContains ? likePattern(filter.titleContains) : null,
      });
      return rows.map(toSpecListItem);
    },
    setTitle: (id: number, title: string, now: string): void => void setTitle().run({ id, title, now }),
    setState: (id: number, state: SpecState, before: 'active' | 'archived' | null, trashedAt: string | null): void =>
      void setState().run({ id, state, before, trashed_at: trashedAt }),
    touch: (id: number, now: string): void => void touch().run({ id, now }),
    trashedIds: (): number[] => trashed().all().map((r) => r.id),
    /** Deletes a trashed spec; versions, drafts and finding states go with it (ON DELETE CASCADE). */
    deleteTrashed: (id: number): boolean => remove().run(id).changes > 0,
  };
}

export type SpecQueries = ReturnType<typeof createSpecQueries>;
