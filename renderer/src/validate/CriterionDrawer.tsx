import type { CriterionResultView } from '../../../core/contract/ops/validate.js';
import { useWorkbench } from '../state/store.js';
import { STATUS_ICONS } from './ResultList.js';
import { copyCurl } from './validate-actions.js';

/** What decided one criterion: expected vs actual, the compiled plan, every exchange with its curl line. */
export function CriterionDrawer({ result }: { result: CriterionResultView | null }) {
  const close = useWorkbench((s) => s.openCriterionDrawer);
  if (!result) return null;
  return (
    <section className="validate-drawer" aria-label={`${result.id} details`} data-testid="validate-drawer" data-id={result.id}>
      <header>
        <span className={`validate-icon validate-${result.status}`}>{STATUS_ICONS[result.status]}</span>
        <strong>{result.id}</strong> {result.status} · {Math.round(result.ms)} ms
        <button className="validate-close" onClick={() => close(null)} aria-label="Close details">
          ×
        </button>
      </header>
      {(result.expected !== undefined || result.actual !== undefined) && (
        <dl className="validate-expect" data-testid="validate-expect">
          <dt>expected</dt>
          <dd>{result.expected}</dd>
          <dt>actual</dt>
          <dd data-testid="validate-actual">{result.actual}</dd>
        </dl>
      )}
      {result.message && <p className="validate-message">{result.message}</p>}
      {result.undefinedSteps?.map((u) => (
        <p key={u.text} className="validate-undefined">
          No step for “{u.text}”. Nearest: {u.nearest.map((n) => n.expression).join(' · ')}
        </p>
      ))}
      {result.notes?.map((n) => (
        <p key={n} className="muted">
          {n}
        </p>
      ))}
      <h4>Plan</h4>
      <pre className="validate-plan" data-testid="validate-plan">
        {result.plan || '(nothing compiled)'}
      </pre>
      <h4>Exchanges ({result.exchanges.length})</h4>
      <ol className="validate-exchanges">
        {result.exchanges.map((e, i) => (
          <li key={i} data-testid="validate-exchange" data-status={e.status}>
            <div className="validate-exchange-line">
              <code>
                {e.method} {new URL(e.url).pathname} → <span data-testid="validate-exchange-status">{e.status}</span>
              </code>
              <span className="muted">{Math.round(e.ms)} ms</span>
            </div>
            {e.responseBody && <pre className="validate-body">{e.responseBody.slice(0, 600)}</pre>}
            <div className="validate-curl">
              <code data-testid="validate-curl">{e.curl}</code>
              <button onClick={() => void copyCurl(result.id, e.curl)} data-testid="validate-copy-curl">
                Copy
              </button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
