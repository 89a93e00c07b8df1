import type { Database } from 'better-sqlite3';
import { lazyStatement } from './lazy-statement.js';

/** A `file_links` row as stored. */
export interface FileLinkRow {
  path: string;
  spec_id: number;
  content_hash: string;
  linked_at: string;
}

/** The link between a file on disk and its library spec, as the store hands it out. */
export interface FileLink {
  /** Canonical real path of the file. */
  path: string;
  specId: number;
  /** SHA-256 (hex) of the file's bytes when it was last opened or saved. */
  contentHash: string;
  linkedAt: string;
}

export function toFileLink(row: FileLinkRow): FileLink {
  return { path: row.path, specId: row.spec_id, contentHash: row.content_hash, linkedAt: row.linked_at };
}

/** Prepared statements over `file_links` (file path → library spec). */
export function createFileLinkQueries(db: Database) {
  const byPath = lazyStatement<[string], FileLinkRow>(db, 'SELECT * FROM file_links WHERE path = ?');
  const byHash = lazyStatement<[string], FileLinkRow>(db, 'SELECT * FROM file_links WHERE content_hash = ? ORDER BY linked_at DESC');
  const latestOf = lazyStatement<[number], FileLinkRow>(db, 'SELECT * FROM file_links WHERE spec_id = ? ORDER BY linked_at DESC LIMIT 1');
  const upsert = lazyStatement<FileLinkRow>(
    db,
    `INSERT INTO file_links (path, spec_id, content_hash, linked_at) VALUES (@path, @spec_id, @content_hash, @linked_at)
     ON CONFLICT (path) DO UPDATE SET spec_id = excluded.spec_id, content_hash = excluded.content_hash, linked_at = excluded.linked_at`,
  );
  const remove = lazyStatement<[string]>(db, 'DELETE FROM file_links WHERE path = ?');
  return {
    byPath: (path: string): FileLink | undefined => {
      const row = byPath().get(path);
      return row ? toFileLink(row) : undefined;
    },
    /** Newest link first: the file most recently seen with these bytes. */
    byHash: (hash: string): FileLink[] => byHash().all(hash).map(toFileLink),
    /** The file a spec was most recently opened from or saved to. */
    latestOf: (specId: number): FileLink | undefined => {
      const row = latestOf().get(specId);
      return row ? toFileLink(row) : undefined;
    },
    set: (link: FileLink): void =>
      void upsert().run({ path: link.path, spec_id: link.specId, content_hash: link.contentHash, linked_at: link.linkedAt }),
    remove: (path: string): boolean => remove().run(path).changes > 0,
  };
}

export type FileLinkQueries = ReturnType<typeof createFileLinkQueries>;
