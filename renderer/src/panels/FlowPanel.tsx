import { useCallback, useEffect, useState } from 'react';
import type { ResultOf } from '../../../core/contract/operations.js';
import { client } from '../client/current.js';
import { FlowChart } from '../flow/FlowChart.js';
import { download } from '../state/file-actions.js';
import { useWorkbench } from '../state/store.js';
import './flow.css';

type Metrics = ResultOf<'metrics.flow'>;

function days(n: number | null): string {
  return n === null ? '—' : `${n} d`;
}

/** Product Ops: spec-to-implementation-start per spec, flagged when over a week, with the monthly median and p90. */
export function FlowPanel() {
  const [metrics, setMetrics] = useState<Metrics | null>(null);
  const [since, setSince] = useState('');
  const [error, setError] = useState<string | null>(null);
  const revision = useWorkbench((s) => s.libraryRevision);
  const notify = useWorkbench((s) => s.notify);

  const load = useCallback(() => {
    client()
      .call('metrics.flow', since ? { since } : {})
      .then((m) => {
        setMetrics(m);
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [since]);
  useEffect(load, [load, revision]);

  const exportCsv = async () => {
    try {
      const { csv, fileName } = await client().call('metrics.csv', since ? { since } : {});
      download(fileName, csv);
      notify('info', `Downloaded ${fileName}.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="flow" data-testid="flow-dashboard">
      <div className="flow-toolbar">
        <label>
          Approved since <input type="date" value={since} onChange={(e) => setSince(e.target.value)} data-testid="flow-since" />
        </label>
        <button onClick={load}>Refresh</button>
        <button onClick={() => void exportCsv()} data-testid="flow-export-csv">
          Export CSV
        </button>
      </div>
      {error && <p className="flow-error">{error}</p>}
      {metrics && (
        <>
          <p className="flow-summary" data-testid="flow-summary">
            Spec → implementation start: median <strong>{days(metrics.medianDays)}</strong>, p90 <strong>{days(metrics.p90Days)}</strong> ·{' '}
            <span className={metrics.flaggedCount ? 'flow-flag' : ''}>{metrics.flaggedCount} over {metrics.flagAfterDays} days</span>
          </p>
          {metrics.specs.some((s) => s.daysToStart !== null) ? <FlowChart metrics={metrics} /> : <p className="muted">No approved specs yet: set a spec's stage to see its flow.</p>}
          <table className="flow-table" data-testid="flow-table">
            <thead>
              <tr>
                <th>Spec</th>
                <th>Stage</th>
                <th>To start</th>
                <th>In review</th>
              </tr>
            </thead>
            <tbody>
              {metrics.specs.map((s) => (
                <tr key={s.specId} className={s.flagged ? 'flow-row-flagged' : ''} data-testid="flow-row" data-flagged={s.flagged ? 'yes' : 'no'} data-spec-id={s.specId}>
                  <td>
                    {s.flagged && <span className="flow-flag" title={`over ${metrics.flagAfterDays} days`}>⚑ </span>}#{s.specId} {s.title}
                  </td>
                  <td>{s.stage}</td>
                  <td>
                    {days(s.daysToStart)}
                    {s.soFar && s.daysToStart !== null ? ' so far' : ''}
                    {s.implementationSource === 'detected' ? ' (git)' : ''}
                  </td>
                  <td>{days(s.daysInReview)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {metrics.months.length > 0 && (
            <ul className="flow-months">
              {metrics.months.map((m) => (
                <li key={m.month}>
                  {m.month}: {m.count} specs, median {days(m.medianDays)}, p90 {days(m.p90Days)}, {m.flagged} flagged
                </li>
              ))}
            </ul>
          )}
          {metrics.reviewers.length > 0 && (
            <ul className="flow-months">
              {metrics.reviewers.map((r) => (
                <li key={r.reviewer}>
                  {r.reviewer}: {r.answered}/{r.requests} answered, median {days(r.medianDays)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
