import type { CrossFinding, Finding, LintReport, Readiness } from '../types.js';
import type { ItemKind } from '../../spec/model.js';

/** The `specbench lint --format json` document (FR-7), exactly these keys. */
export interface LintJson {
  file: string;
  readiness: Readiness;
  items: Array<{ id: string; kind: ItemKind; text: string; binary?: boolean; score: number; style?: string; findings: Finding[] }>;
  crossFindings: CrossFinding[];
}

export function toLintJson(file: string, report: LintReport): LintJson {
  return {
    file,
    readiness: report.readiness,
    items: report.items.map((item) => ({
      id: item.id,
      kind: item.kind,
      text: item.text,
      ...(item.binary !== undefined ? { binary: item.binary } : {}),
      score: item.score,
      ...(item.style !== undefined ? { style: item.style } : {}),
      findings: item.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        start: f.start,
        end: f.end,
        ...(f.suggestion ? { suggestion: f.suggestion } : {}),
      })),
    })),
    crossFindings: report.crossFindings,
  };
}
