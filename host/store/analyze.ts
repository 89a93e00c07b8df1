import { parseSpec } from '../../core/markdown/parse.js';
import { countSpec } from '../../core/spec/summary.js';
import { fingerprintSpec } from '../../core/diff/fingerprint.js';
import type { SpecFingerprint } from '../../core/diff/types.js';
import type { SpecCounts } from '../../core/contract/ops/specs.js';
import { lintSpec } from '../../core/lint/index.js';
import type { SpecDocument } from '../../core/spec/model.js';

/** The parsed summary stored with each version, computed once when it is saved. */
export interface VersionAnalysis {
  title: string;
  status: string | null;
  template: string;
  counts: SpecCounts;
  fingerprint: SpecFingerprint;
  /** Lint readiness (0–100) under the default rules; null if linting was skipped or failed. */
  readiness: number | null;
}

/**
 * Parses a spec for its summary and, unless `lint: false`, its default-rules readiness. This
 * is the slow part of a save (parser and linter, not SQLite), so callers run it outside the
 * write transaction.
 */
export function analyzeMarkdown(markdown: string, options: { lint?: boolean; onStage?: (stage: 'parse' | 'lint') => void } = {}): VersionAnalysis {
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
    readiness: options.lint === false ? null : defaultReadiness(doc),
  };
}

/**
 * Readiness with the default lint rules, for saves whose caller did not send one (CLI,
 * import). The editor sends the score it computed with the project's own lint config.
 */
function defaultReadiness(doc: SpecDocument): number | null {
  try {
    return lintSpec(doc).readiness.score;
  } catch {
    // A linter bug must never stop a save; the version simply has no score.
    return null;
  }
}
