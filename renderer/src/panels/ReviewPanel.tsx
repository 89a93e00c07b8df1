import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findSection } from '../../../core/review/anchor.js';
import { getTemplate } from '../../../core/templates/index.js';
import { BriefView } from '../review/BriefView.js';
import { ClarifyView } from '../review/ClarifyView.js';
import { latestResults } from '../review/collect.js';
import { DraftDiffDialog } from '../review/DraftDiffDialog.js';
import { FindingList } from '../review/FindingList.js';
import { formatCost, formatSeconds, formatUsage, formatUsd } from '../review/format.js';
import { PassList, useElapsed } from '../review/PassList.js';
import { cancelRuns, startRun } from '../review/review-actions.js';
import { SettingsDialog } from '../review/SettingsDialog.js';
import { useWorkbench } from '../state/store.js';
import './review.css';

const openSettings = () => useWorkbench.getState().reviewPatch({ reviewSettingsOpen: true });

/** No key: the same panel runs the offline reviewer (FR-9), and says so. */
function OfflineBanner() {
  const settings = useWorkbench((s) => s.reviewSettings);
  if (!settings || settings.keyConfigured) return null;
  return (
    <div className="review-banner" data-testid="review-offline-banner">
      <span>Offline reviewer: no API key — findings come from the built-in catalogue</span>
      <button onClick={openSettings} data-testid="review-banner-settings">
        Settings
      </button>
    </div>
  );
}

/** Run all, Cancel, and the progress of the runs still going with the elapsed time. */
function RunBar() {
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

/** Usage and estimated cost of this spec's runs since it was opened (FR-10). */
function SpecTotals() {
  const totals = useWorkbench((s) => s.reviewSpecTotals);
  if (totals.runs === 0) return null;
  return (
    <p className="review-totals" data-testid="review-spec-totals">
      <strong>This spec:</strong> {totals.runs} run{totals.runs === 1 ? '' : 's'} · {formatUsage(totals.usage)} · ≈ {formatUsd(totals.usd)}
      {totals.unpriced && ' (some runs used a model without a known price)'}
    </p>
  );
}

/** Prompt files that could not be used, each with its error. */
function PromptErrors() {
  const errors = useWorkbench((s) => s.reviewPassErrors);
  if (errors.length === 0) return null;
  return (
    <details className="review-prompt-errors" data-testid="review-prompt-errors">
      <summary>
        {errors.length} prompt file{errors.length === 1 ? '' : 's'} with errors
      </summary>
      <ul>
        {errors.map((e) => (
          <li key={`${e.origin}:${e.file}`}>
            <code>{e.file}</code>: {e.error}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Draft passes' proposals, each opening as a diff against the section. */
function Proposals() {
  const { passes, runs, latest, doc } = useWorkbench(useShallow((s) => ({ passes: s.reviewPasses, runs: s.reviewRuns, latest: s.reviewLatest, doc: s.doc })));
  const sectionTitle = (key: string) => findSection(doc, key)?.section.heading ?? getTemplate(doc.template).sections.find((t) => t.key === key)?.title ?? key;
  const drafts = useMemo(() => latestResults(passes, runs, latest).filter(({ pass }) => (pass.done?.proposals.length ?? 0) > 0 || (pass.done?.openQuestions.length ?? 0) > 0), [passes, runs, latest]);
  if (drafts.length === 0) return null;
  return (
    <section className="review-proposals" data-testid="review-proposals">
      <h3>Proposed text</h3>
      {drafts.map(({ run, pass }) => (
        <div key={`${run.runId}:${pass.passId}`} className="rpp">
          <div className="rpp-pass">{pass.title}</div>
          <ul>
            {pass.done!.proposals.map((p, i) => (
              <li key={i} className="rpp-item">
                <span>
                  <strong>{sectionTitle(p.section)}</strong>
                  {p.rationale && <span className="muted"> — {p.rationale}</span>}
                </span>
                <button data-testid="review-open-draft" onClick={() => useWorkbench.getState().reviewPatch({ reviewDraft: { runId: run.runId, passId: pass.passId, index: i } })}>
                  Review diff
                </button>
              </li>
            ))}
          </ul>
          {pass.done!.openQuestions.length > 0 && (
            <>
              <div className="muted">Open questions</div>
              <ul className="rpp-questions">
                {pass.done!.openQuestions.map((q, i) => (
                  <li key={i}>{q}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ))}
    </section>
  );
}

/** The AI Review panel (issue 5): passes, streamed findings anchored in the text, fixes, Clarify and the agent brief. */
export function ReviewPanel() {
  const tab = useWorkbench((s) => s.reviewTab);
  const setTab = (t: 'findings' | 'clarify' | 'brief') => useWorkbench.getState().reviewPatch({ reviewTab: t });
  return (
    <div className="review" data-testid="review-panel">
      <header className="review-header">
        <div className="segmented" role="tablist" aria-label="Review views">
          <button role="tab" aria-pressed={tab === 'findings'} onClick={() => setTab('findings')} data-testid="review-tab-findings">
            Review
          </button>
          <button role="tab" aria-pressed={tab === 'clarify'} onClick={() => setTab('clarify')} data-testid="review-tab-clarify">
            Clarify
          </button>
          <button role="tab" aria-pressed={tab === 'brief'} onClick={() => setTab('brief')} data-testid="review-tab-brief">
            Agent brief
          </button>
        </div>
        <button onClick={openSettings} title="Review settings" data-testid="review-settings-button">
          ⚙ Settings
        </button>
      </header>
      <OfflineBanner />
      {tab === 'findings' && (
        <>
          <RunBar />
          <PassList />
          <SpecTotals />
          <PromptErrors />
          <Proposals />
          <FindingList />
        </>
      )}
      {tab === 'clarify' && <ClarifyView />}
      {tab === 'brief' && <BriefView />}
      <SettingsDialog />
      <DraftDiffDialog />
    </div>
  );
}
