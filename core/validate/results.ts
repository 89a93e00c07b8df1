import type { CompileProblem, Nearest } from './types.js';

/** One HTTP exchange as the runner saw it, with the curl line that reproduces it (FR-3). */
export interface Exchange {
  method: string;
  url: string;
  requestBody?: string;
  requestHeaders: Record<string, string>;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
  ms: number;
  curl: string;
}

export type CriterionStatus = 'passed' | 'failed' | 'undefined' | 'ambiguous' | 'error' | 'skipped';

export interface CriterionResult {
  id: string;
  status: CriterionStatus;
  /** Why, in one line: the failed assertion (expected vs actual), the undefined phrase, the error. */
  message?: string;
  expected?: string;
  actual?: string;
  undefinedSteps?: { text: string; nearest: Nearest[] }[];
  ambiguous?: { text: string; definitions: string[] }[];
  lint?: { rule: string; message: string }[];
  exchanges: Exchange[];
  plan: string;
  ms: number;
  /** Measurements worth showing even on a pass (timing statistics). */
  notes?: string[];
}

export interface ValidationRun {
  file: string;
  target: string;
  defect?: string;
  results: CriterionResult[];
  summary: Record<CriterionStatus, number> & { total: number };
}

/** Turns compile problems into the result a criterion that cannot run gets: never passed (FR-3, AC-4). */
export function resultForProblems(id: string, problems: readonly CompileProblem[], plan: string): CriterionResult | null {
  if (problems.length === 0) return null;
  const undefinedSteps = problems.flatMap((p) => (p.kind === 'undefined' ? [{ text: p.text, nearest: p.nearest }] : []));
  const ambiguous = problems.flatMap((p) => (p.kind === 'ambiguous' ? [{ text: p.text, definitions: p.definitions }] : []));
  const lint = problems.flatMap((p) => (p.kind === 'non-binary' ? p.findings : []));
  const status = ambiguous.length > 0 && undefinedSteps.length === 0 ? 'ambiguous' : 'undefined';
  const message = problems
    .map((p) =>
      p.kind === 'undefined'
        ? `undefined step "${p.text}" (nearest: ${p.nearest.map((n) => n.expression).join(' | ')})`
        : p.kind === 'ambiguous'
          ? `ambiguous step "${p.text}" matches ${p.definitions.join(', ')}`
          : p.message,
    )
    .join('; ');
  return { id, status, message, undefinedSteps, ambiguous, lint, exchanges: [], plan, ms: 0 };
}

export function summarise(results: readonly CriterionResult[]): ValidationRun['summary'] {
  const summary = { passed: 0, failed: 0, undefined: 0, ambiguous: 0, error: 0, skipped: 0, total: results.length };
  for (const r of results) summary[r.status] += 1;
  return summary;
}
