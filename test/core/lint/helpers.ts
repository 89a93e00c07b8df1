import type { ItemKind } from '../../../core/spec/model.js';
import { lintItemText, lintSpec, resolveLintConfig, type LintConfigInput, type LintReport } from '../../../core/lint/index.js';
import { parseSpec } from '../../../core/markdown/parse.js';
import type { Finding } from '../../../core/lint/types.js';

/** Findings of one rule on one item text, with the flagged words, for compact assertions. */
export function hits(rule: string, text: string, kind: ItemKind = 'ac', config?: LintConfigInput): Array<Finding & { words: string }> {
  return lintItemText(text, kind, config ? resolveLintConfig(config) : undefined)
    .findings.filter((f) => f.rule === rule)
    .map((f) => ({ ...f, words: text.slice(f.start, f.end) }));
}

export interface SpecParts {
  context?: string;
  frs?: string[];
  nfrs?: string[];
  edgeRows?: string[][];
  acs?: string[];
  /** Leave the Acceptance Criteria section out entirely. */
  noAcSection?: boolean;
}

/** A six-section spec in Markdown, built from its parts. */
export function specMarkdown(parts: SpecParts): string {
  const list = (prefix: string, items: string[] = []) => items.map((t, i) => `- **${prefix}-${i + 1}:** ${t}`).join('\n');
  const rows = (parts.edgeRows ?? []).map((r) => `| ${r.join(' | ')} |`).join('\n');
  return [
    '# Test spec',
    '',
    '## Context',
    parts.context ?? 'An Express API on PostgreSQL.',
    '',
    '## Problem Statement',
    'Users need it.',
    '',
    '## Functional Requirements',
    list('FR', parts.frs),
    '',
    '## Non-Functional Requirements',
    list('NFR', parts.nfrs),
    '',
    '## Edge Cases and Error Handling',
    '| Scenario | HTTP Status | Response Body | Side Effect |',
    '|---|---|---|---|',
    rows,
    '',
    ...(parts.noAcSection ? [] : ['## Acceptance Criteria', list('AC', parts.acs), '']),
  ].join('\n');
}

export function lintParts(parts: SpecParts, config?: LintConfigInput): LintReport {
  return lintSpec(parseSpec(specMarkdown(parts)), config ? { config: resolveLintConfig(config) } : {});
}

export function crossOf(report: LintReport, rule: string) {
  return report.crossFindings.filter((f) => f.rule === rule);
}

/** Item ids (or row lines) a cross finding names. */
export function placeNames(finding: LintReport['crossFindings'][number]): string[] {
  return finding.places.map((p) => (p.kind === 'item' ? p.id : `${p.kind}@${p.line}`));
}
