import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '../state/store.js';
import { CriterionDrawer } from '../validate/CriterionDrawer.js';
import { MutationMatrix } from '../validate/MutationMatrix.js';
import { ResultList } from '../validate/ResultList.js';
import { runValidation } from '../validate/validate-actions.js';
import './validate.css';

/** Runs the open spec's criteria against the embedded server and shows what decided each one (issue 12 FR-7). */
export function ValidatePanel() {
  const v = useWorkbench(useShallow((s) => s.validation));
  const summary = v.result?.run.summary;
  const percent = v.total > 0 ? Math.round((100 * v.done) / v.total) : 0;
  return (
    <div className="validate-panel" data-testid="validate-panel">
      <div className="validate-controls">
        <button onClick={() => void runValidation('none')} disabled={v.running !== null} data-testid="validate-run">
          Run
        </button>
        <button onClick={() => void runValidation('all')} disabled={v.running !== null} data-testid="validate-run-all">
          Run against all defects
        </button>
        {summary && !v.running && (
          <span className="validate-summary" data-testid="validate-summary">
            {summary.passed}/{summary.total} passed
            {v.result?.mutation && ` · mutation score ${v.result.mutation.score.killed}/${v.result.mutation.score.total}`}
          </span>
        )}
      </div>
      {v.running && (
        <div className="validate-progress" role="progressbar" aria-valuemin={0} aria-valuemax={v.total} aria-valuenow={v.done} data-testid="validate-progress">
          <div className="validate-progress-bar" style={{ width: `${percent}%` }} />
          <span>{v.total > 0 ? `${v.done}/${v.total}` : 'starting the embedded server…'}</span>
        </div>
      )}
      {v.error && (
        <p className="validate-error" role="alert" data-testid="validate-error">
          {v.error}
        </p>
      )}
      {v.result && (
        <p className="muted validate-stored" data-testid="validate-stored">
          {'version' in v.result.stored ? `Stored with version ${v.result.stored.version}.` : `Not stored: ${v.result.stored.skipped}`}
        </p>
      )}
      {v.result && <ResultList results={v.result.run.results} open={v.openCriterion} />}
      {v.result && v.openCriterion && <CriterionDrawer result={v.result.run.results.find((r) => r.id === v.openCriterion) ?? null} />}
      {v.result?.mutation && <MutationMatrix mutation={v.result.mutation} criteria={v.result.run.results.map((r) => r.id)} />}
    </div>
  );
}
