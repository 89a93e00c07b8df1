import { lintSpec } from '../../lint/index.js';
import type { SpecDocument } from '../../spec/model.js';
import type { Checklist } from '../checklists/checklist-file.js';
import { checklistsFor, classifyWithChecklists } from '../checklists/match.js';
import type { DomainClassification } from '../domains/classify.js';
import type { Finding } from '../finding.js';
import { mergeDuplicates } from '../merge.js';
import { productOpsFindings, SIX_PART_ONLY_RULES } from '../product-ops/rules.js';
import { reviewWithChecklists, type ItemVerdict } from './checklist-reviewer.js';
import { lintReportToFindings } from './lint-findings.js';

export interface OfflineFindings {
  /** The spec's domains and how they were decided (classifier or front matter). */
  classification: DomainClassification;
  /** What each applicable checklist item was judged: present, partial or missing. */
  verdicts: ItemVerdict[];
  findings: Finding[];
  lintError: string | null;
}

/**
 * Everything the offline reviewer reports (FR-2, FR-9): findings from the checklists of the
 * spec's domains (plus the general one) first, then the Product Ops rules when the spec uses
 * that template, then the quality engine's errors and warnings, duplicates merged. Lint rules
 * that assume the six-part sections are left out for Product Ops specs. A lint failure never
 * costs the other findings: it is reported in `lintError` instead.
 */
export function offlineFindings(doc: SpecDocument, checklists: readonly Checklist[] = []): OfflineFindings {
  const classification = classifyWithChecklists(doc.source, doc.frontMatter, checklists);
  const review = reviewWithChecklists(doc, checklistsFor(classification.domains, checklists));
  let lint: Finding[] = [];
  let lintError: string | null = null;
  try {
    lint = lintReportToFindings(doc, lintSpec(doc));
    if (doc.template === 'product-ops') lint = lint.filter((f) => !SIX_PART_ONLY_RULES.has(f.rule ?? ''));
  } catch (error) {
    lintError = error instanceof Error ? error.message : String(error);
  }
  return { classification, verdicts: review.verdicts, findings: mergeDuplicates([...review.findings, ...productOpsFindings(doc), ...lint]), lintError };
}
