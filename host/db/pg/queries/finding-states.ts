import { toFindingStateRecord, type FindingStateRecord, type FindingStateRow } from '../../queries/finding-states.js';
import type { PgQueryable } from '../pg-database.js';

/* `finding_states` (review findings' state per version content) on PostgreSQL. */

export async function setFindingStateRow(q: PgQueryable, r: FindingStateRecord): Promise<void> {
  await q.rows(
    `INSERT INTO finding_states (spec_id, content_hash, finding_id, state, note, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (spec_id, content_hash, finding_id) DO UPDATE SET state = excluded.state, note = excluded.note, updated_at = excluded.updated_at`,
    [r.specId, r.contentHash, r.findingId, r.state, r.note, r.updatedAt],
  );
}

export async function listFindingStateRows(q: PgQueryable, specId: number, contentHash: string): Promise<FindingStateRecord[]> {
  const rows = await q.rows<FindingStateRow>('SELECT * FROM finding_states WHERE spec_id = $1 AND content_hash = $2 ORDER BY finding_id COLLATE "C"', [specId, contentHash]);
  return rows.map(toFindingStateRecord);
}

/**
 * Dismissals made on other contents of the spec for findings this content has no state for,
 * newest per finding (see the SQLite module for why a dismissal carries over).
 */
export async function carriedDismissals(q: PgQueryable, specId: number, contentHash: string): Promise<FindingStateRecord[]> {
  const rows = await q.rows<FindingStateRow>(
    `SELECT DISTINCT ON (f.finding_id) f.* FROM finding_states f
     WHERE f.spec_id = $1 AND f.state = 'dismissed' AND f.content_hash <> $2
       AND NOT EXISTS (SELECT 1 FROM finding_states g WHERE g.spec_id = f.spec_id AND g.content_hash = $2 AND g.finding_id = f.finding_id)
     ORDER BY f.finding_id, f.updated_at COLLATE "C" DESC`,
    [specId, contentHash],
  );
  // Newest first overall, as SQLite returns them.
  return rows.map(toFindingStateRecord).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}
