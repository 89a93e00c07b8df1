import type { Database } from 'better-sqlite3';
import type { FindingState } from '../../../core/review/finding.js';
import { lazyStatement } from './lazy-statement.js';

export type { FindingState };

/** A `finding_states` row as stored; never leaves host/db (callers get `FindingStateRecord`). */
export interface FindingStateRow {
  spec_id: number;
  content_hash: string;
  finding_id: string;
  state: FindingState;
  note: string | null;
  updated_at: string;
}

/** What the author did with one review finding on one version's content. */
export interface FindingStateRecord {
  specId: number;
  contentHash: string;
  findingId: string;
  state: FindingState;
  note: string | null;
  updatedAt: string;
}

export function toFindingStateRecord(row: FindingStateRow): FindingStateRecord {
  return { specId: row.spec_id, contentHash: row.content_hash, findingId: row.finding_id, state: row.state, note: row.note, updatedAt: row.updated_at };
}

/** Prepared statements over `finding_states` (review findings' state per version content). */
export function createFindingStateQueries(db: Database) {
  const upsert = lazyStatement<FindingStateRow>(
    db,
    `INSERT INTO finding_states (spec_id, content_hash, finding_id, state, note, updated_at)
     VALUES (@spec_id, @content_hash, @finding_id, @state, @note, @updated_at)
     ON CONFLICT (spec_id, content_hash, finding_id) DO UPDATE SET state = excluded.state, note = excluded.note, updated_at = excluded.updated_at`,
  );
  const list = lazyStatement<[number, string], FindingStateRow>(db, 'SELECT * FROM finding_states WHERE spec_id = ? AND content_hash = ? ORDER BY finding_id');
  // A finding's id is derived from its section, quote and problem, so a dismissal made on an
  // earlier content still names the same finding while its quote reads the same (FR-4 of the
  // review issue); one the author already decided on for this content wins.
  const carriedDismissals = lazyStatement<[number, string, string], FindingStateRow>(
    db,
    `SELECT f.* FROM finding_states f
     WHERE f.spec_id = ? AND f.state = 'dismissed' AND f.content_hash <> ?
       AND NOT EXISTS (SELECT 1 FROM finding_states g WHERE g.spec_id = f.spec_id AND g.content_hash = ? AND g.finding_id = f.finding_id)
     ORDER BY f.updated_at DESC`,
  );
  return {
    set: (r: FindingStateRecord): void =>
      void upsert().run({ spec_id: r.specId, content_hash: r.contentHash, finding_id: r.findingId, state: r.state, note: r.note, updated_at: r.updatedAt }),
    list: (specId: number, contentHash: string): FindingStateRecord[] => list().all(specId, contentHash).map(toFindingStateRecord),
    /** Dismissals made on other contents of the spec for findings this content has no state for; newest per finding. */
    carriedDismissals: (specId: number, contentHash: string): FindingStateRecord[] => {
      const seen = new Set<string>();
      const carried: FindingStateRecord[] = [];
      for (const row of carriedDismissals().all(specId, contentHash, contentHash)) {
        if (seen.has(row.finding_id)) continue;
        seen.add(row.finding_id);
        carried.push(toFindingStateRecord(row));
      }
      return carried;
    },
  };
}

export type FindingStateQueries = ReturnType<typeof createFindingStateQueries>;
