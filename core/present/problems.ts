import type { CrossFinding, ItemReport, LintReport, Severity } from '../lint/index.js';
import type { Pane } from '../spec/panes.js';

/** One row of the Problems panel, with where a click jumps to (a pane and an offset in its text). */
export interface Problem {
  key: string;
  severity: Severity;
  rule: string;
  message: string;
  where: string;
  line: number;
  jump?: { paneId: string; offset: number; length: number };
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Every finding of a lint report as a problem row, errors first, then by line. */
export function listProblems(report: LintReport, panes: readonly Pane[]): Problem[] {
  const paneOf = (item: ItemReport) => panes.find((p) => p.sectionIndex === item.section)?.id;
  const problems: Problem[] = [];
  for (const item of report.items) {
    item.findings.forEach((f, i) => {
      const paneId = paneOf(item);
      problems.push({
        key: `${item.id}:${item.line}:${i}`,
        severity: f.severity,
        rule: f.rule,
        message: f.message,
        where: item.id,
        line: item.line,
        jump: paneId ? { paneId, offset: item.start + f.start, length: f.end - f.start } : undefined,
      });
    });
  }
  report.crossFindings.forEach((f: CrossFinding, i) => {
    const first = f.places[0];
    const item = first?.kind === 'item' ? report.items.find((x) => x.id === first.id && x.line <= first.line) : undefined;
    const paneId = item ? paneOf(item) : undefined;
    problems.push({
      key: `cross:${i}`,
      severity: f.severity,
      rule: f.rule,
      message: f.message,
      where: f.places.map((p) => (p.kind === 'item' ? p.id : p.kind === 'row' ? `row "${p.scenario}"` : p.kind === 'section' ? (p.heading ?? p.key) : `line ${p.line}`)).join(', '),
      line: first?.line ?? 0,
      jump: item && paneId ? { paneId, offset: item.start + (first?.kind === 'item' ? (first.start ?? 0) : 0), length: 0 } : undefined,
    });
  });
  return problems.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.line - b.line);
}
