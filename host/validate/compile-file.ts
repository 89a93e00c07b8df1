import { LintConfigError } from '../../core/lint/config/config.js';
import { StepLibraryError } from '../../core/validate/compile.js';
import type { CompiledCriterion } from '../../core/validate/types.js';
import { HostError } from '../common/host-error.js';
import { findLintConfig, loadLintConfig } from '../lint/config-file.js';
import { loadStepLibrary } from './steps.js';
import { compileSpec, NoCriteriaError } from './validate-spec.js';

/**
 * A spec's criteria compiled with the team phrases of the `.specbench.json` beside it (none when
 * the text has no file). Shared by `specbench validate` and the workbench's validate.run.
 */
export async function compileSpecText(content: string, specPath: string | null): Promise<CompiledCriterion[]> {
  const configPath = specPath ? await findLintConfig(specPath) : null;
  const config = configPath ? await loadLintConfig(configPath) : {};
  return compileSpec(content, loadStepLibrary(config.steps ?? {}));
}

/** Errors that are the spec's or its config's fault (a usage error to the CLI, a clear message to the UI). */
export function isSpecProblem(error: unknown): error is Error {
  return error instanceof NoCriteriaError || error instanceof StepLibraryError || error instanceof LintConfigError || error instanceof HostError;
}

/** Criterion ids asked for that the spec does not have. */
export function unknownCriteria(criteria: readonly CompiledCriterion[], ids: readonly string[] | undefined): string[] {
  return (ids ?? []).filter((id) => !criteria.some((c) => c.id === id));
}
