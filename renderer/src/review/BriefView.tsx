import { useEffect } from 'react';
import { useWorkbench } from '../state/store.js';
import type { BriefTarget } from '../../../core/review/brief.js';
import { buildBrief, copyText, loadBriefTargets } from './brief-actions.js';

function targetLabel(t: BriefTarget): string {
  return t.kind === 'endpoint' ? `${t.method} ${t.path}` : t.id;
}

function patchBrief(patch: Partial<ReturnType<typeof useWorkbench.getState>['reviewBrief']>): void {
  useWorkbench.setState((s) => ({ reviewBrief: { ...s.reviewBrief, ...patch } }));
}

/** Step 9: the hand-off text for one endpoint or FR, built locally (no key needed), ready to copy. */
export function BriefView() {
  const brief = useWorkbench((s) => s.reviewBrief);
  useEffect(() => {
    if (brief.targets === null) void loadBriefTargets();
  }, [brief.targets]);
  const targets = brief.targets ?? [];
  return (
    <div className="brief" data-testid="brief">
      <p className="muted">Builds the text that hands one endpoint or requirement to a coding agent: the spec excerpt, the acceptance criteria and edge cases that concern it, and your conventions file.</p>
      <div className="brief-form">
        <label>
          Target
          <select
            value={brief.selected}
            onChange={(e) => patchBrief({ selected: Number(e.target.value), result: null })}
            data-testid="brief-target"
            disabled={targets.length === 0}
          >
            {targets.map((t, i) => (
              <option key={`${targetLabel(t)}:${i}`} value={i}>
                {t.kind === 'endpoint' ? 'Endpoint ' : 'Requirement '}
                {targetLabel(t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Conventions file
          <input value={brief.conventionsFile} onChange={(e) => patchBrief({ conventionsFile: e.target.value })} maxLength={200} data-testid="brief-conventions" />
        </label>
        <div className="rs-buttons">
          <button onClick={() => void loadBriefTargets()} title="Read the endpoints and requirements again">
            Refresh targets
          </button>
          <button className="primary" onClick={() => void buildBrief()} disabled={targets.length === 0 || brief.loading} data-testid="brief-build">
            Build brief
          </button>
        </div>
      </div>
      {brief.targets !== null && targets.length === 0 && <p className="muted">The spec names no endpoint and no functional requirement yet.</p>}
      {brief.error && (
        <p className="rs-error" role="alert">
          {brief.error}
        </p>
      )}
      {brief.result && (
        <div className="brief-result">
          <div className="brief-result-head">
            <strong>{brief.result.title}</strong>
            <button onClick={() => void copyText(brief.result!.text)} data-testid="brief-copy">
              Copy
            </button>
          </div>
          <p className="muted">
            Carries {brief.result.items.join(', ') || 'no items'}
            {brief.result.edgeCases.length > 0 && ` and ${brief.result.edgeCases.length} edge case(s)`}.
          </p>
          <pre className="brief-text" data-testid="brief-text">
            {brief.result.text}
          </pre>
        </div>
      )}
    </div>
  );
}
