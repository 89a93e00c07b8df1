import type { Database } from 'better-sqlite3';
import { lazyStatement } from './lazy-statement.js';

/** A `validation_runs` row as stored; never leaves host/db (callers get `ValidationRunRecord`). */
export interface ValidationRunRow {
  id: number;
  spec_id: number;
  content_hash: string;
  target: string;
  defect: string | null;
  passed: number;
  total: number;
  killed: number | null;
  mutation_total: number | null;
  results_json: string;
  created_at: string;
}

/** One stored validation run of one version's content. */
export interface ValidationRunRecord {
  id: number;
  specId: number;
  contentHash: string;
  target: string;
  defect: string | null;
  passed: number;
  total: number;
  /** Mutation runs only: defects killed of all defects. */
  mutation: { killed: number; total: number } | null;
  results: unknown;
  createdAt: string;
}

export function toValidationRunRecord(row: ValidationRunRow): ValidationRunRecord {
  return {
    id: row.id,
    specId: row.spec_id,
    contentHash: row.content_hash,
    target: row.target,
    defect: row.defect,
    passed: row.passed,
    total: row.total,
    mutation: row.killed === null || row.mutation_total === null ? null : { killed: row.killed, total: row.mutation_total },
    results: JSON.parse(row.results_json) as unknown,
    createdAt: row.created_at,
  };
}

/** Prepared statements over `validation_runs`. */
export function createValidationRunQueries(db: Database) {
  const insert = lazyStatement<Omit<ValidationRunRow, 'id'>>(
    db,
    `INSERT INTO validation_runs (spec_id, content_hash, target, defect, passed, total, killed, mutation_total, results_json, created_at)
     VALUES (@spec_id, @content_hash, @target, @defect, @passed, @total, @killed, @mutation_total, @results_json, @created_at)`,
  );
  const list = lazyStatement<[number, string], ValidationRunRow>(db, 'SELECT * FROM validation_runs WHERE spec_id = ? AND content_hash = ? ORDER BY created_at DESC, id DESC');
  return {
    add: (run: Omit<ValidationRunRecord, 'id'>): number =>
      Number(
        insert().run({
          spec_id: run.specId,
          content_hash: run.contentHash,
          target: run.target,
          defect: run.defect,
          passed: run.passed,
          total: run.total,
          killed: run.mutation?.killed ?? null,
          mutation_total: run.mutation?.total ?? null,
          results_json: JSON.stringify(run.results),
          created_at: run.createdAt,
        }).lastInsertRowid,
      ),
    /** Newest first. */
    list: (specId: number, contentHash: string): ValidationRunRecord[] => list().all(specId, contentHash).map(toValidationRunRecord),
  };
}
