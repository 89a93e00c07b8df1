import type { Database } from 'better-sqlite3';
import { lazyStatement } from './lazy-statement.js';
import type { VersionInfo } from '../../../core/contract/ops/versions.js';
import type { ChangeSummary } from '../../../core/diff/types.js';

/** A `versions` row joined with its content's hash and size. */
export interface VersionRow {
  id: number;
  spec_id: number;
  number: number;
  content_id: number;
  hash: string;
  bytes: number;
  bom: number;
  author: string;
  message: string;
  created_at: string;
  title: string;
  status: string | null;
  template: string;
  section_count: number;
  fr_count: number;
  nfr_count: number;
  ac_count: number;
  row_count: number;
  readiness: number | null;
  restored_from: number | null;
  fingerprint: string;
  changes: string | null;
}

/** What `insert` needs: everything but the generated id. */
export type NewVersionRow = Omit<VersionRow, 'id' | 'hash' | 'bytes'>;

export function toVersionInfo(row: VersionRow): VersionInfo {
  const changes = row.changes ? (JSON.parse(row.changes) as ChangeSummary) : null;
  return {
    id: row.id,
    specId: row.spec_id,
    number: row.number,
    author: row.author,
    message: row.message,
    createdAt: row.created_at,
    contentHash: row.hash,
    bytes: row.bytes,
    bom: row.bom === 1,
    title: row.title,
    status: row.status,
    template: row.template,
    counts: { sections: row.section_count, fr: row.fr_count, nfr: row.nfr_count, ac: row.ac_count, rows: row.row_count },
    readiness: row.readiness,
    restoredFrom: row.restored_from,
    changes,
  };
}

const SELECT = 'SELECT v.*, c.hash, c.bytes FROM versions v JOIN contents c ON c.id = v.content_id';

/** Prepared statements over `versions` and the content-addressed `contents` they point at. */
export function createVersionQueries(db: Database) {
  const head = lazyStatement<[number], VersionRow>(db, `${SELECT} WHERE v.spec_id = ? ORDER BY v.number DESC LIMIT 1`);
  const byNumber = lazyStatement<[number, number], VersionRow>(db, `${SELECT} WHERE v.spec_id = ? AND v.number = ?`);
  const byId = lazyStatement<[number], VersionRow>(db, `${SELECT} WHERE v.id = ?`);
  const list = lazyStatement<[number], VersionRow>(db, `${SELECT} WHERE v.spec_id = ? ORDER BY v.number DESC`);
  const markdown = lazyStatement<[number], { markdown: string }>(db, 'SELECT markdown FROM contents WHERE id = ?');
  const insertContent = lazyStatement<[string, string, number]>(db, 'INSERT OR IGNORE INTO contents (hash, markdown, bytes) VALUES (?, ?, ?)');
  const contentId = lazyStatement<[string], { id: number }>(db, 'SELECT id FROM contents WHERE hash = ?');
  const insert = lazyStatement<NewVersionRow>(
    db,
    `INSERT INTO versions (spec_id, number, content_id, bom, author, message, created_at, title, status, template,
       section_count, fr_count, nfr_count, ac_count, row_count, readiness, restored_from, fingerprint, changes)
     VALUES (@spec_id, @number, @content_id, @bom, @author, @message, @created_at, @title, @status, @template,
       @section_count, @fr_count, @nfr_count, @ac_count, @row_count, @readiness, @restored_from, @fingerprint, @changes)`,
  );
  const deleteOrphans = lazyStatement(db, 'DELETE FROM contents WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.content_id = contents.id)');

  return {
    head: (specId: number): VersionRow | undefined => head().get(specId),
    byNumber: (specId: number, number: number): VersionRow | undefined => byNumber().get(specId, number),
    byId: (id: number): VersionRow | undefined => byId().get(id),
    /** Newest first. */
    list: (specId: number): VersionRow[] => list().all(specId),
    markdown: (contentId: number): string | undefined => markdown().get(contentId)?.markdown,
    /** Stores the text once per SHA-256 and returns its id, whether new or already there. */
    storeContent: (hash: string, text: string, bytes: number): number => {
      insertContent().run(hash, text, bytes);
      const row = contentId().get(hash);
      if (!row) throw new Error(`content ${hash} vanished after insert`);
      return row.id;
    },
    insert: (row: NewVersionRow): number => Number(insert().run(row).lastInsertRowid),
    /** Removes texts no version points at any more (after emptying the trash). */
    deleteOrphanContents: (): number => deleteOrphans().run().changes,
  };
}

export type VersionQueries = ReturnType<typeof createVersionQueries>;
