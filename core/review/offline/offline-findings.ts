import { lintSpec } from '../../lint/index.js';
import type { SpecDocument } from '../../spec/model.js';
import type { Finding } from '../finding.js';
import { mergeDuplicates } from '../merge.js';
import { lintReportToFindings } from './lint-findings.js';
import { offlineReview, type OfflineReview } from './reviewer.js';

/**
 * Everything the offline reviewer reports (FR-9): the domain catalogue's findings first,
 * then the quality engine's errors and warnings, duplicates merged. A lint failure never
 * costs the catalogue findings: it is reported in `lintError` instead.
 */
export function offlineFindings(doc: SpecDocument): OfflineReview & { lintError: string | null } {
  const review = offlineReview(doc);
  let lint: Finding[] = [];
  let lintError: string | null = null;
  try {
    lint = lintReportToFindings(doc, lintSpec(doc));
  } catch (error) {
    lintError = error instanceof Error ? error.message : String(error);
  }
  return { ...review, findings: mergeDuplicates([...review.findings, ...lint]), lintError };
}
