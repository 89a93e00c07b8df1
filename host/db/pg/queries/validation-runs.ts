import { toValidationRunRecord, type ValidationRunRecord, type ValidationRunRow } from '../../queries/validation-runs.js';
import type { PgQueryable } from '../pg-database.js';

/* `validation_runs` on PostgreSQL. */

export async function addValidationRun(q: PgQueryable, run: Omit<ValidationRunRecord, 'id'>): Promise<number> {
  const row = await q.one<{ id: number }>(
    `INSERT INTO validation_runs (spec_id, content_hash, target, defect, passed, total, killed, mutation_total, results_json, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [run.specId, run.contentHash, run.target, run.defect, run.passed, run.total, run.mutation?.killed ?? null, run.mutation?.total ?? null, JSON.stringify(run.results), run.createdAt],
  );
  return row!.id;
}

/** Newest first. */
export async function listValidationRunRows(q: PgQueryable, specId: number, contentHash: string): Promise<ValidationRunRecord[]> {
  const rows = await q.rows<ValidationRunRow>(
    'SELECT * FROM validation_runs WHERE spec_id = $1 AND content_hash = $2 ORDER BY created_at COLLATE "C" DESC, id DESC',
    [specId, contentHash],
  );
  return rows.map(toValidationRunRecord);
}
