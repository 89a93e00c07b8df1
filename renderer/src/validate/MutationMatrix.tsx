import type { MutationView } from '../../../core/contract/ops/validate.js';
import { useWorkbench } from '../state/store.js';
import { insertSuggestion } from './insert-suggestion.js';

const insert = (text: string) => insertSuggestion(text).catch((error: unknown) => useWorkbench.getState().notify('error', error instanceof Error ? error.message : String(error)));

/**
 * The defect × criterion heat map (FR-6/FR-7): a red cell is a criterion that caught the defect,
 * a green one passed against it (the defect slipped by there), grey was not run. A row with no
 * red cell is a surviving defect, listed below with the criterion that would catch it.
 */
export function MutationMatrix({ mutation, criteria }: { mutation: MutationView; criteria: string[] }) {
  const { score, matrix, surviving } = mutation;
  return (
    <section className="validate-mutation" data-testid="validate-matrix">
      <h4 data-testid="validate-score">
        Mutation score {score.killed}/{score.total} ({score.total > 0 ? Math.round((100 * score.killed) / score.total) : 0}%)
      </h4>
      <p className="muted matrix-legend">
        <span className="matrix-cell cell-caught" /> caught · <span className="matrix-cell cell-passed" /> passed (slipped through) · <span className="matrix-cell cell-skipped" /> not run
      </p>
      <div className="matrix-grid" style={{ gridTemplateColumns: `minmax(110px, max-content) repeat(${criteria.length}, minmax(18px, 1fr))` }} role="table">
        <span className="matrix-corner" />
        {criteria.map((id) => (
          <span key={id} className="matrix-head" role="columnheader" title={id}>
            {id.replace('AC-', '')}
          </span>
        ))}
        {matrix.map((row) => [
          <span key={row.defect} className={`matrix-defect${row.killed ? ' matrix-killed' : ' matrix-survived'}`} role="rowheader" data-testid="matrix-defect" data-killed={row.killed}>
            {row.killed ? '✓' : '✗'} {row.defect}
          </span>,
          ...criteria.map((id) => {
            const status = row.statuses[id] ?? 'skipped';
            const caught = row.killedBy.includes(id);
            return <span key={`${row.defect}-${id}`} className={`matrix-cell ${caught ? 'cell-caught' : `cell-${status}`}`} role="cell" title={`${row.defect} × ${id}: ${caught ? 'caught' : status}`} data-testid="matrix-cell" />;
          }),
        ])}
      </div>
      {surviving.length > 0 && (
        <ul className="validate-surviving">
          {surviving.map((s) => (
            <li key={s.defect} data-testid="surviving-defect">
              <strong>{s.defect}</strong>: {s.gap}
              {s.suggestion && (
                <blockquote>
                  {s.suggestion}{' '}
                  <button onClick={() => void insert(s.suggestion)} data-testid="insert-suggestion">
                    Insert
                  </button>
                </blockquote>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
