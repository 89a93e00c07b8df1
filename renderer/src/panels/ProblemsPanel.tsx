import { useShallow } from 'zustand/react/shallow';
import { listProblems } from '../../../core/present/problems.js';
import { revealInPane } from '../monaco/editor-registry.js';
import { useWorkbench } from '../state/store.js';

/** Every lint finding of the open spec; clicking one jumps to it. */
export function ProblemsPanel() {
  const { lint, panes, lintMs } = useWorkbench(useShallow((s) => ({ lint: s.lint, panes: s.panes, lintMs: s.lintMs })));
  if (!lint) return <p className="muted">Linting…</p>;
  const problems = listProblems(lint, panes);
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
