import type { Database } from 'better-sqlite3';
import type { FindingState } from '../../../core/review/finding.js';
import { lazyStatement } from './lazy-statement.js';

export type { FindingState };

/** A `finding_states` row as stored; never leaves this module (callers get `FindingStateRecord`). */
interface FindingStateRow {
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

function toRecord(row: FindingStateRow): FindingStateRecord {
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
  return {
    set: (r: FindingStateRecord): void =>
      void upsert().run({ spec_id: r.specId, content_hash: r.contentHash, finding_id: r.findingId, state: r.state, note: r.note, updated_at: r.updatedAt }),
    list: (specId: number, contentHash: string): FindingStateRecord[] => list().all(specId, contentHash).map(toRecord),
  };
}

export type FindingStateQueries = ReturnType<typeof createFindingStateQueries>;
