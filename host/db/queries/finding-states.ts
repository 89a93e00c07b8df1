import type { Database } from 'better-sqlite3';
import { lazyStatement } from './lazy-statement.js';

export type FindingState = 'open' | 'applied' | 'dismissed';

/** A `finding_states` row as stored. */
export interface FindingStateRow {
  spec_id: number;
  content_hash: string;
  finding_id: string;
  state: FindingState;
  note: string | null;
  updated_at: string;
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
  return {
    set: (row: FindingStateRow): void => void upsert().run(row),
    list: (specId: number, contentHash: string): FindingStateRow[] => list().all(specId, contentHash),
  };
}

export type FindingStateQueries = ReturnType<typeof createFindingStateQueries>;
