import { useShallow } from 'zustand/react/shallow';
import type { CrossFinding, ItemReport, LintReport, Severity } from '../../../core/lint/index.js';
import type { Pane } from '../../../core/spec/panes.js';
import { revealInPane } from '../monaco/editor-registry.js';
import { useWorkbench } from '../state/store.js';

interface Problem {
  key: string;
  severity: Severity;
  rule: string;
  message: string;
  where: string;
  line: number;
  jump?: { paneId: string; offset: number; length: number };
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function collect(report: LintReport, panes: Pane[]): Problem[] {
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

/** Every lint finding of the open spec; clicking one jumps to it. */
export function ProblemsPanel() {
  const { lint, panes, lintMs } = useWorkbench(useShallow((s) => ({ lint: s.lint, panes: s.panes, lintMs: s.lintMs })));
  if (!lint) return <p className="muted">Linting…</p>;
  const problems = collect(lint, panes);
  const notBinary = lint.items.filter((i) => i.kind === 'ac' && i.binary === false);
  return (
    <div className="problems">
      <p className="muted">
        {lint.counts.errors} errors · {lint.counts.warnings} warnings · {lint.counts.infos} info · {notBinary.length} of{' '}
        {lint.items.filter((i) => i.kind === 'ac').length} AC not binary · linted in {lintMs.toFixed(1)} ms
      </p>
      {problems.length === 0 && <p>No problems found.</p>}
      <ul className="problem-list">
        {problems.map((p) => (
          <li key={p.key} className={`problem problem-${p.severity}`} data-testid="problem" data-rule={p.rule}>
            <button disabled={!p.jump} onClick={() => p.jump && revealInPane(p.jump.paneId, p.jump.offset, p.jump.length)}>
              <span className="problem-severity">{p.severity === 'error' ? '✗' : p.severity === 'warning' ? '!' : 'i'}</span>
              <span className="problem-where">{p.where}</span>
              <span className="problem-message">{p.message}</span>
              <code className="problem-rule">{p.rule}</code>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
