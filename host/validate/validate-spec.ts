import { compileCriterion, type StepLibrary } from '../../core/validate/compile.js';
import { summarise, type CriterionResult, type ValidationRun } from '../../core/validate/results.js';
import { renderSuggestion, styleOf } from '../../core/validate/suggest.js';
import type { CompiledCriterion } from '../../core/validate/types.js';
import { parseSpec } from '../../core/markdown/parse.js';
// The target's catalogue of gaps per defect (allowed by .dependency-cruiser.cjs, like its steps).
import { defectGaps } from '../../embedded-server/validation-gaps.js';
import { DEFECTS } from '../../embedded-server/defects.js';

/** The embedded target's defects, for the CLI's checks (only host/validate may read the target's files). */
export { DEFECT_NAMES } from '../../embedded-server/defects.js';
import { createControl, type MailSource } from './control.js';
import { runCriterion } from './runner.js';

export class NoCriteriaError extends Error {
  override name = 'NoCriteriaError';
}

/** Every AC of the spec compiled; `only` keeps the named ones (their setup criteria still compile). */
export function compileSpec(source: string, library: StepLibrary): CompiledCriterion[] {
  const doc = parseSpec(source);
  const items = doc.sections.flatMap((s) => s.items).filter((i) => i.kind === 'ac');
  if (items.length === 0) {
    const seen = doc.sections.map((s) => s.heading).filter((h): h is string => h !== null);
    throw new NoCriteriaError(`no acceptance criteria found (sections seen: ${seen.length > 0 ? seen.join(', ') : 'none'})`);
  }
  return items.map((item) => compileCriterion(item.id, item.text.replace(/^\s*\*\*[^*]*\*\*\s*/, ''), library));
}

export interface RunOptions {
  only?: readonly string[];
  mail?: MailSource;
  onResult?: (result: CriterionResult) => void;
  /** mutationRun only: like onResult, naming the server variant ('correct' or a defect): the workbench's progress bar. */
  onProgress?: (variant: string, result: CriterionResult) => void;
}

/** Runs the selected criteria in document order against one target; the first unreachable answer errors the rest at once. */
export async function runSpec(criteria: readonly CompiledCriterion[], base: string, options: RunOptions = {}): Promise<CriterionResult[]> {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const exchanges: unknown[] = [];
  const control = createControl(base, (e) => exchanges.push(e), options.mail);
  const selected = options.only ? criteria.filter((c) => options.only!.includes(c.id)) : criteria;
  const results: CriterionResult[] = [];
  let down: string | null = null;
  for (const c of selected) {
    const result: CriterionResult = down ? { id: c.id, status: 'error', message: down, exchanges: [], plan: '', ms: 0 } : await runCriterion(c, { base, control, byId });
    if (result.status === 'error' && result.message?.includes('target unreachable')) down = result.message;
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}

function tell(options: RunOptions, variant: string): (result: CriterionResult) => void {
  return (result) => {
    options.onResult?.(result);
    options.onProgress?.(variant, result);
  };
}

export function toRun(file: string, target: string, results: CriterionResult[], defect?: string): ValidationRun {
  return { file, target, defect, results, summary: summarise(results) };
}

export interface MutationReport {
  file: string;
  correct: ValidationRun;
  /** Per defect: each criterion's status, and whether a criterion that passed on the correct server failed. */
  matrix: { defect: string; killed: boolean; statuses: Record<string, string>; killedBy: string[] }[];
  score: { killed: number; total: number };
  surviving: { defect: string; description: string; gap: string; suggestion: string }[];
}

/**
 * FR-6: a defect is killed when a criterion that passed on the correct server fails (or errors)
 * against it. Criteria that did not pass on the correct server are not run against the defects.
 */
export async function mutationRun(file: string, criteria: readonly CompiledCriterion[], urls: Map<string, string>, options: RunOptions = {}): Promise<MutationReport> {
  const correctUrl = urls.get('correct');
  if (!correctUrl) throw new Error('the correct server is not running');
  const correct = toRun(file, correctUrl, await runSpec(criteria, correctUrl, { ...options, onResult: tell(options, 'correct') }));
  const passed = correct.results.filter((r) => r.status === 'passed').map((r) => r.id);
  const matrix: MutationReport['matrix'] = [];
  for (const [defect, url] of urls) {
    if (defect === 'correct') continue;
    const results = await runSpec(criteria, url, { ...options, only: passed, onResult: tell(options, defect) });
    const statuses = Object.fromEntries(correct.results.map((r) => [r.id, results.find((x) => x.id === r.id)?.status ?? 'skipped']));
    const killedBy = results.filter((r) => r.status === 'failed' || r.status === 'error').map((r) => r.id);
    matrix.push({ defect, killed: killedBy.length > 0, statuses, killedBy });
  }
  const style = styleOf(criteria);
  const surviving = matrix
    .filter((m) => !m.killed)
    .map((m) => {
      const gap = defectGaps.find((g) => g.defect === m.defect);
      return {
        defect: m.defect,
        description: DEFECTS.find((d) => d.name === m.defect)?.description ?? '',
        gap: gap?.gap ?? 'no catalogue entry',
        suggestion: gap ? renderSuggestion(gap, style) : '',
      };
    });
  return { file, correct, matrix, score: { killed: matrix.filter((m) => m.killed).length, total: matrix.length }, surviving };
}
