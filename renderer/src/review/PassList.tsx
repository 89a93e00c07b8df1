import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PassInfo } from '../../../core/contract/ops/review.js';
import { OFFLINE_PASS } from '../../../core/review/finding.js';
import type { PassResult, ReviewRun } from '../state/review-slice.js';
import { useWorkbench } from '../state/store.js';
import { loadBriefTargets } from './brief-actions.js';
import { loadClarify } from './clarify-actions.js';
import { formatCost, formatSeconds, formatUsage } from './format.js';
import { startRun } from './review-runs.js';

/** The status a pass shows: cached counts as its own state. */
export function passStatus(pass: PassResult): string {
  if (pass.status === 'succeeded' && pass.done?.cached) return 'cached';
  return pass.status;
}

/** Milliseconds since the run started, kept ticking between progress events. */
export function useElapsed(runs: ReviewRun[]): number | null {
  const running = runs.filter((r) => r.status === 'running');
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (running.length === 0) return;
    const timer = setInterval(() => setNow(performance.now()), 200);
    return () => clearInterval(timer);
  }, [running.length]);
  if (running.length === 0) return null;
  let elapsed = 0;
  for (const run of running) {
    let fromEvents = 0;
    for (const pass of Object.values(run.passes)) {
      if (pass.progress && !pass.done) fromEvents = Math.max(fromEvents, pass.progress.elapsedMs + (now - pass.progress.receivedAt));
    }
    elapsed = Math.max(elapsed, fromEvents || now - run.startedAt);
  }
  return elapsed;
}

function StatusLine({ pass }: { pass: PassResult }) {
  const status = passStatus(pass);
  const done = pass.done;
  const p = pass.progress;
  const parts: string[] = [];
  if (status === 'running' && p) {
    // Findings can arrive before the next progress event says so.
    parts.push(p.phase === 'retrying' ? `retrying (attempt ${p.attempt + 1})` : p.phase === 'connecting' && pass.findings.length > 0 ? 'streaming' : p.phase);
    parts.push(`${pass.findings.length} finding${pass.findings.length === 1 ? '' : 's'}`);
    if (p.outputTokens) parts.push(`${p.outputTokens.toLocaleString('en-US')} tokens`);
  }
  if (done) {
    if (done.kind === 'review') parts.push(`${pass.findings.length} finding${pass.findings.length === 1 ? '' : 's'}`);
    if (done.kind === 'draft') parts.push(`${done.proposals.length} proposal${done.proposals.length === 1 ? '' : 's'}`);
    if (done.resolved.length) parts.push(`${done.resolved.length} resolved since the last version`);
    parts.push(formatSeconds(done.durationMs));
    if (!done.offline && !done.cached) parts.push(formatUsage(done.usage), formatCost(done.cost));
    if (done.cached) parts.push('from the result cache, no request made');
    if (done.offline) parts.push('offline, no cost');
  }
  return (
    <div className="rp-status">
      <span className={`rp-state rp-state-${status}`} data-testid="review-pass-status">
        {status}
      </span>
      {parts.length > 0 && <span className="rp-detail">{parts.join(' · ')}</span>}
      {done?.error && done.error.code !== 'CANCELLED' && (
        <div className="rp-error" data-testid="review-pass-error">
          {done.error.message}
          {done.error.retryAfterSeconds !== undefined && ` (retry after ${done.error.retryAfterSeconds} s)`}
        </div>
      )}
      {done?.rawReply && (
        <details className="rp-raw">
          <summary>Raw reply</summary>
          <pre>{done.rawReply}</pre>
        </details>
      )}
    </div>
  );
}

function PassRow({ info, pass, keyConfigured, busy }: { info: PassInfo | null; pass: PassResult | null; keyConfigured: boolean; busy: boolean }) {
  const id = info?.id ?? pass?.passId ?? '';
  const kind = info?.kind ?? pass?.kind ?? 'review';
  const needsKey = (kind === 'draft' || kind === 'clarify') && !keyConfigured;
  const run = () => {
    if (kind === 'clarify') void loadClarify();
    else if (kind === 'brief') {
      useWorkbench.getState().reviewPatch({ reviewTab: 'brief' });
      void loadBriefTargets();
    } else void startRun({ passId: id });
  };
  const label = kind === 'brief' ? 'Open' : kind === 'clarify' ? 'Ask' : 'Run';
  return (
    <li className="rp" data-testid={`review-pass-${id}`} data-status={pass ? passStatus(pass) : 'idle'}>
      <div className="rp-head">
        <span className="rp-step">{info ? info.step : '·'}</span>
        <span className="rp-title" title={info?.description ?? ''}>
          {info?.title ?? pass?.title ?? id}
        </span>
        <span className={`rp-kind rp-kind-${kind}`}>{id === OFFLINE_PASS ? 'offline' : kind}</span>
        {info && (
          <button
            className="rp-run"
            data-testid={`review-run-${id}`}
            disabled={busy || (needsKey && kind === 'draft')}
            title={needsKey && kind === 'draft' ? 'Draft passes need an API key (Settings)' : kind === 'clarify' && !keyConfigured ? 'Without a key the questions come from the offline catalogue' : ''}
            onClick={run}
          >
            {label}
          </button>
        )}
      </div>
      {pass && <StatusLine pass={pass} />}
    </li>
  );
}

/** Every pass from the prompt files with its Run button and the newest result's status, usage and cost. */
export function PassList() {
  const { passes, runs, latest, settings, starting } = useWorkbench(
    useShallow((s) => ({ passes: s.reviewPasses, runs: s.reviewRuns, latest: s.reviewLatest, settings: s.reviewSettings, starting: s.reviewStarting })),
  );
  const sorted = [...(passes ?? [])].sort((a, b) => a.step - b.step);
  const resultOf = (id: string) => (latest[id] ? (runs[latest[id]]?.passes[id] ?? null) : null);
  const offline = resultOf(OFFLINE_PASS);
  if (!passes) return <p className="muted">Loading passes…</p>;
  // Collapsible so a long pass list never pushes the findings out of sight.
  return (
    <details className="rp-details" open data-testid="review-passes-details">
      <summary>Passes ({sorted.length + (offline ? 1 : 0)})</summary>
      <ul className="rp-list" data-testid="review-passes">
        {offline && <PassRow info={null} pass={offline} keyConfigured={!!settings?.keyConfigured} busy={starting} />}
        {sorted.map((info) => (
          <PassRow key={info.id} info={info} pass={resultOf(info.id)} keyConfigured={!!settings?.keyConfigured} busy={starting} />
        ))}
      </ul>
    </details>
  );
}
