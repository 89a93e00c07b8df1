import { BriefView } from '../review/BriefView.js';
import { ClarifyView } from '../review/ClarifyView.js';
import { DraftDiffDialog } from '../review/DraftDiffDialog.js';
import { FindingList } from '../review/FindingList.js';
import { formatUsage, formatUsd } from '../review/format.js';
import { PassList } from '../review/PassList.js';
import { Proposals } from '../review/Proposals.js';
import { RunBar } from '../review/RunBar.js';
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
          <FindingList />
          <Proposals />
          <PassList />
          <SpecTotals />
          <PromptErrors />
        </>
      )}
      {tab === 'clarify' && <ClarifyView />}
      {tab === 'brief' && <BriefView />}
      <SettingsDialog />
      <DraftDiffDialog />
    </div>
  );
}
