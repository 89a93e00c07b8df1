import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '../state/store.js';
import { formatCost, formatSeconds, formatUsage } from './format.js';
import { useElapsed } from './PassList.js';
import { cancelRuns, startRun } from './review-runs.js';

/** Run all, Cancel, and the progress of the runs still going with the elapsed time. */
export function RunBar() {
  const { runs, starting, error } = useWorkbench(useShallow((s) => ({ runs: s.reviewRuns, starting: s.reviewStarting, error: s.reviewError })));
  const adopted = useMemo(() => Object.values(runs).filter((r) => r.adopted), [runs]);
  const running = adopted.filter((r) => r.status === 'running');
  const elapsed = useElapsed(adopted);
  const passes = running.flatMap((r) => r.passIds.map((id) => r.passes[id]).filter((p) => p !== undefined));
  const ended = passes.filter((p) => p.done).length;
  const findings = passes.reduce((n, p) => n + p.findings.length, 0);
  const tokens = passes.reduce((n, p) => n + (p.progress?.outputTokens ?? 0), 0);
  const notice = running.find((r) => r.notice)?.notice;
  const cancelling = running.some((r) => r.cancelRequested);
  const last = adopted.filter((r) => r.status === 'done' && r.total).at(-1);
  return (
    <div className="review-runbar">
      <div className="review-runbar-buttons">
        <button className="primary" onClick={() => void startRun({ all: true })} disabled={starting} data-testid="review-run-all">
          Run all reviews
        </button>
        {running.length > 0 && (
          <button onClick={() => void cancelRuns()} disabled={cancelling} data-testid="review-cancel">
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
      </div>
      {(running.length > 0 || starting) && (
        <div className="review-progress" data-testid="review-progress" role="status">
          <div className="review-progress-bar">
            <span style={{ width: passes.length ? `${Math.max(8, (ended / passes.length) * 100)}%` : '8%' }} />
          </div>
          <span>
            {starting && running.length === 0
              ? 'Starting…'
              : `${ended} of ${passes.length} pass${passes.length === 1 ? '' : 'es'} done · ${findings} finding${findings === 1 ? '' : 's'}${tokens ? ` · ${tokens.toLocaleString('en-US')} tokens` : ''}`}
          </span>
          {elapsed !== null && (
            <span className="review-elapsed" data-testid="review-elapsed">
              {formatSeconds(elapsed)}
            </span>
          )}
        </div>
      )}
      {notice && <p className="muted review-notice">{notice}</p>}
      {error && (
        <p className="rs-error" role="alert" data-testid="review-error">
          {error}
        </p>
      )}
      {running.length === 0 && last?.total && (
        <p className="muted review-last" data-testid="review-last-run">
          Last run: {last.mode === 'offline' ? 'offline, no cost' : `${formatUsage(last.total.usage)} · ${formatCost(last.total.cost)}`}
        </p>
      )}
    </div>
  );
}
