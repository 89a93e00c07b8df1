import { useEffect, useState } from 'react';
import type { ValidationRunSummary } from '../../../core/contract/ops/validate.js';
import { client } from '../client/current.js';
import { useWorkbench } from '../state/store.js';

/**
 * The newest stored validation run per version text of a library spec (FR-7: History shows
 * "10/10 passed, mutation score 12/12"), fetched again after every validation run, this window's
 * or (on a team server) a teammate's.
 */
export function useValidationRuns(specId: number | null, versionsKey: unknown): Map<string, ValidationRunSummary> {
  const lastRun = useWorkbench((s) => s.validation.result);
  const elsewhere = useWorkbench((s) => s.validationRunsRevision);
  const [runs, setRuns] = useState<Map<string, ValidationRunSummary>>(new Map());
  useEffect(() => {
    if (specId === null) return;
    let alive = true;
    client()
      .call('validate.runs', { specId })
      .then(
        (r) => alive && setRuns(new Map(r.runs.map((run) => [run.contentHash, run]))),
        // History still works without the results; the Validate panel reports its own failures.
        () => alive && setRuns(new Map()),
      );
    return () => {
      alive = false;
    };
  }, [specId, versionsKey, lastRun, elsewhere]);
  return runs;
}

export function validationLine(run: ValidationRunSummary): string {
  return `${run.passed}/${run.total} passed${run.mutation ? `, mutation score ${run.mutation.killed}/${run.mutation.total}` : ''}`;
}
