import { contentHash } from '../store/content-hash.js';
import type { SpecStore } from '../store/spec-store.js';
import type { MutationReport } from './validate-spec.js';
import type { ValidationRun } from '../../core/validate/results.js';

/**
 * Stores a run against the library version whose content is exactly the validated text (FR-7:
 * results per spec version). Resolves to the version number, or null with the reason when the
 * file is not in the library or differs from every stored version.
 */
export async function storeValidationRun(store: SpecStore, specPath: string, markdown: string, target: string, run: ValidationRun, mutation?: MutationReport): Promise<{ version: number } | { skipped: string }> {
  const opened = await store.specForFile(specPath);
  if (!opened) return { skipped: 'the file is not in the library (open or import it first)' };
  return storeRunForSpec(store, opened.spec.id, markdown, target, run, mutation);
}

/** The same, for a library spec known by id (the workbench's open document). */
export function storeRunForSpec(store: SpecStore, specId: number, markdown: string, target: string, run: ValidationRun, mutation?: { score: { killed: number; total: number } }): { version: number } | { skipped: string } {
  const { hash } = contentHash(markdown);
  const version = store.listVersions(specId).find((v) => v.contentHash === hash);
  if (!version) return { skipped: 'the file differs from every stored version (save it first)' };
  store.recordValidationRun({
    specId,
    contentHash: hash,
    target,
    defect: run.defect ?? null,
    passed: run.summary.passed,
    total: run.summary.total,
    mutation: mutation ? mutation.score : null,
    results: run.results.map((r) => ({ id: r.id, status: r.status, message: r.message ?? null })),
  });
  return { version: version.number };
}
