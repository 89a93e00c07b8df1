import type { CriterionResultView } from '../../../core/contract/ops/validate.js';
import { useWorkbench } from '../state/store.js';

export const STATUS_ICONS: Record<CriterionResultView['status'], string> = { passed: '✓', failed: '✗', undefined: '?', ambiguous: '≈', error: '!', skipped: '–' };

/** One row per criterion: its status and why; pressing one opens its drawer. */
export function ResultList({ results, open }: { results: CriterionResultView[]; open: string | null }) {
  const openDrawer = useWorkbench((s) => s.openCriterionDrawer);
  return (
    <ul className="validate-results" data-testid="validate-results">
      {results.map((r) => (
        <li key={r.id} className={`validate-result validate-${r.status}`} data-testid="validate-result" data-id={r.id} data-status={r.status}>
          <button aria-expanded={open === r.id} onClick={() => openDrawer(open === r.id ? null : r.id)} data-testid={`validate-open-${r.id}`}>
            <span className="validate-icon">{STATUS_ICONS[r.status]}</span>
            <strong>{r.id}</strong>
            <span className="validate-status">{r.status}</span>
            {r.message && <span className="validate-message">{r.message}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
