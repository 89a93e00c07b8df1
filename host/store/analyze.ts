import { parseSpec } from '../../core/markdown/parse.js';
import { countSpec } from '../../core/spec/summary.js';
import { fingerprintSpec } from '../../core/diff/fingerprint.js';
import type { SpecFingerprint } from '../../core/diff/types.js';
import type { SpecCounts } from '../../core/contract/ops/specs.js';
import { lintSpec, resolveLintConfig, type LintConfigInput } from '../../core/lint/index.js';
import type { SpecDocument } from '../../core/spec/model.js';

/** The parsed summary stored with each version, computed once when it is saved. */
export interface VersionAnalysis {
  title: string;
  status: string | null;
  template: string;
  counts: SpecCounts;
  fingerprint: SpecFingerprint;
  /** Lint readiness (0–100) under the spec's lint config (default rules without one); null if linting was skipped or failed. */
  readiness: number | null;
}

/**
 * Computes a text's summary somewhere else (the compute pool, with its budget) so the store
 * writes only what is already analysed; `lintConfig` is the spec's `.specbench.json`.
 */
export type Analyzer = (markdown: string, lintConfig?: LintConfigInput) => Promise<VersionAnalysis>;

export interface AnalyzeOptions {
  /** false skips linting (the caller brings its own score). */
  lint?: boolean;
  /** The settings of the `.specbench.json` next to the spec's file; the default rules without one. */
  lintConfig?: LintConfigInput;
  /** Told when the work moves from parsing to linting, so a budget overrun names its stage. */
  onStage?: (stage: 'parse' | 'lint') => void;
}

/**
 * Parses a spec for its summary and, unless `lint: false`, its readiness under its lint config.
 * This is the slow part of a save (parser and linter, not SQLite), so callers run it outside
 * the write transaction.
 */
export function analyzeMarkdown(markdown: string, options: AnalyzeOptions = {}): VersionAnalysis {
  options.onStage?.('parse');
  const doc = parseSpec(markdown);
  const counts = countSpec(doc);
  const fingerprint = fingerprintSpec(doc);
  if (options.lint !== false) options.onStage?.('lint');
  return {
    title: doc.meta.title,
    status: doc.meta.status ?? null,
    template: doc.template,
    counts: { sections: doc.sections.length, ...counts },
    fingerprint,
    // Skipped when the caller brings its own score: linting a 200 KB spec takes a while.
    readiness: options.lint === false ? null : readinessOf(doc, options.lintConfig),
  };
}

/**
 * Readiness computed here, on the host, for every save: the same rules (and the same
 * `.specbench.json`) the editor lints with, so the score never depends on which client saved.
 */
function readinessOf(doc: SpecDocument, lintConfig: LintConfigInput | undefined): number | null {
  try {
    return lintSpec(doc, lintConfig ? { config: resolveLintConfig(lintConfig) } : {}).readiness.score;
  } catch {
    // A linter bug must never stop a save; the version simply has no score.
    return null;
  }
}
