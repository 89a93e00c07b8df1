import type { StateCreator } from 'zustand';
import type { PayloadOf, ResultOf } from '../../../core/contract/operations.js';
import type { PassInfo, PassSnapshot, PassStatus, ReviewSettingsView, RunSnapshot } from '../../../core/contract/ops/review.js';
import type { FindingAnchor } from '../../../core/review/anchor.js';
import type { BriefTarget } from '../../../core/review/brief.js';
import { ZERO_USAGE, type CostEstimate, type PassUsage } from '../../../core/review/cost.js';
import type { Finding, FindingState } from '../../../core/review/finding.js';
import { applyDone, countRun, withPass, withRun } from '../review/run-updates.js';
import type { WorkbenchState } from './store.js';

/** One finding as a `review.finding` event delivered it. */
export interface ReceivedFinding {
  finding: Finding;
  label: 'new' | 'persisting';
  /** Where it sat in the text the run reviewed. */
  anchor: FindingAnchor;
}

export interface PassProgress {
  phase: PayloadOf<'review.progress'>['phase'];
  attempt: number;
  findings: number;
  outputTokens: number;
  elapsedMs: number;
  /** `performance.now()` when the event arrived, so the clock can keep ticking between events. */
  receivedAt: number;
}

/** What the renderer knows of one pass of a run. */
export interface PassResult {
  passId: string;
  title: string;
  kind: PassSnapshot['kind'] | null;
  status: PassStatus;
  findings: ReceivedFinding[];
  progress: PassProgress | null;
  /** The `review.done` snapshot once the pass has ended. */
  done: PassSnapshot | null;
}

export interface ReviewRun {
  runId: string;
  /** Started from this window (the `review.run` answer arrived); events of other runs are only buffered. */
  adopted: boolean;
  mode: 'online' | 'offline' | null;
  notice: string | null;
  status: 'running' | 'done';
  passIds: string[];
  passes: Record<string, PassResult>;
  specId: number | null;
  /** SHA-256 hex of the text the run reviewed: the key finding states are stored under. */
  contentHash: string | null;
  startedAt: number;
  total: { usage: PassUsage; cost: CostEstimate } | null;
  cancelRequested: boolean;
}

export interface ClarifyState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  mode: 'online' | 'offline' | null;
  questions: ResultOf<'review.clarify'>['questions'];
  index: number;
  outcome: Record<string, 'applied' | 'skipped'>;
  error: string | null;
  cost: CostEstimate | null;
}

export interface BriefState {
  targets: BriefTarget[] | null;
  selected: number;
  conventionsFile: string;
  result: ResultOf<'review.brief'> | null;
  loading: boolean;
  error: string | null;
}

/** The proposal whose diff is open: a draft pass's text for one section. */
export interface OpenDraft {
  runId: string;
  passId: string;
  index: number;
}

/** Usage and cost of a spec's runs since it was opened. */
export interface SpecTotals {
  runs: number;
  usage: PassUsage;
  usd: number;
  unpriced: boolean;
}

export interface ReviewSlice {
  reviewPasses: PassInfo[] | null;
  reviewPassErrors: ResultOf<'review.passes'>['errors'];
  reviewPromptsDir: string;
  reviewSettings: ReviewSettingsView | null;
  reviewRuns: Record<string, ReviewRun>;
  /** The newest adopted run of each pass: what the panel shows. */
  reviewLatest: Record<string, string>;
  /** `${contentHash}:${findingId}` → what the author did with it. */
  reviewStates: Record<string, FindingState>;
  /** Each shown finding re-anchored against the current text, by finding id. */
  reviewAnchors: Record<string, FindingAnchor>;
  reviewTab: 'findings' | 'clarify' | 'brief';
  reviewSettingsOpen: boolean;
  reviewShowDismissed: boolean;
  /** A review.run call is on its way. */
  reviewStarting: boolean;
  reviewError: string | null;
  reviewSelected: string | null;
  reviewDraft: OpenDraft | null;
  reviewClarify: ClarifyState;
  reviewBrief: BriefState;
  /** Usage and cost of this spec's runs since it was opened. */
  reviewSpecTotals: SpecTotals;

  reviewPatch(patch: Partial<ReviewSlice>): void;
  reviewProgress(p: PayloadOf<'review.progress'>): void;
  reviewFinding(p: PayloadOf<'review.finding'>): void;
  reviewPassDone(p: PayloadOf<'review.done'>): void;
  reviewRunDone(p: RunSnapshot): void;
  reviewAdopt(runId: string, info: { mode: 'online' | 'offline'; passIds: string[]; notice: string | null; specId: number | null; contentHash: string; titles: Record<string, string> }): void;
  reviewSetStates(contentHash: string, states: Array<{ findingId: string; state: FindingState }>): void;
  reviewClear(): void;
}

const NO_TOTALS: SpecTotals = { runs: 0, usage: ZERO_USAGE, usd: 0, unpriced: false };

export const initialClarify: ClarifyState = { status: 'idle', mode: null, questions: [], index: 0, outcome: {}, error: null, cost: null };
export const initialBrief: BriefState = { targets: null, selected: 0, conventionsFile: 'CLAUDE.md', result: null, loading: false, error: null };

export function stateKey(contentHash: string | null, findingId: string): string {
  return `${contentHash ?? ''}:${findingId}`;
}

export const createReviewSlice: StateCreator<WorkbenchState, [], [], ReviewSlice> = (set) => ({
  reviewPasses: null,
  reviewPassErrors: [],
  reviewPromptsDir: '',
  reviewSettings: null,
  reviewRuns: {},
  reviewLatest: {},
  reviewStates: {},
  reviewAnchors: {},
  reviewTab: 'findings',
  reviewSettingsOpen: false,
  reviewShowDismissed: false,
  reviewStarting: false,
  reviewError: null,
  reviewSelected: null,
  reviewDraft: null,
  reviewClarify: initialClarify,
  reviewBrief: initialBrief,
  reviewSpecTotals: NO_TOTALS,

  reviewPatch: (patch) => set(patch),

  reviewProgress: (p) =>
    set((s) => ({
      reviewRuns: withRun(s.reviewRuns, p.runId, (run) =>
        withPass(run, p.passId, (pass) => ({
          ...pass,
          // A late progress event never turns an ended pass back into a running one.
          status: pass.done ? pass.status : p.phase === 'queued' ? 'queued' : 'running',
          progress: { phase: p.phase, attempt: p.attempt, findings: p.findings, outputTokens: p.outputTokens, elapsedMs: p.elapsedMs, receivedAt: performance.now() },
        })),
      ),
    })),

  reviewFinding: (p) =>
    set((s) => ({
      reviewRuns: withRun(s.reviewRuns, p.runId, (run) =>
        withPass(run, p.passId, (pass) =>
          pass.findings.some((f) => f.finding.id === p.finding.id)
            ? pass
            : { ...pass, status: pass.done ? pass.status : 'running', findings: [...pass.findings, { finding: p.finding, label: p.label, anchor: p.anchor }] },
        ),
      ),
    })),

  reviewPassDone: (p) =>
    set((s) => ({
      reviewRuns: withRun(s.reviewRuns, p.runId, (run) => withPass(run, p.passId, (pass) => applyDone(pass, p))),
    })),

  reviewRunDone: (p) =>
    set((s) => {
      const before = s.reviewRuns[p.runId];
      const runs = withRun(s.reviewRuns, p.runId, (run) => {
        let next: ReviewRun = { ...run, status: 'done', mode: p.mode, total: { usage: p.usage, cost: p.cost } };
        for (const snapshot of p.passes) next = withPass(next, snapshot.passId, (pass) => applyDone(pass, snapshot));
        return next;
      });
      // Count a run towards the spec's totals once, when it ends, if this window started it.
      if (!before?.adopted || before.status === 'done') return { reviewRuns: runs };
      return { reviewRuns: runs, reviewSpecTotals: countRun(s.reviewSpecTotals, { usage: p.usage, cost: p.cost }, p.mode) };
    }),

  reviewAdopt: (runId, info) =>
    set((s) => {
      const runs = withRun(s.reviewRuns, runId, (run) => {
        let next: ReviewRun = { ...run, adopted: true, mode: info.mode, notice: info.notice, specId: info.specId, contentHash: info.contentHash };
        for (const passId of info.passIds) next = withPass(next, passId, (pass) => ({ ...pass, title: pass.done?.title ?? info.titles[passId] ?? pass.title }));
        next.passIds = [...info.passIds, ...next.passIds.filter((id) => !info.passIds.includes(id))];
        return next;
      });
      const latest = { ...s.reviewLatest };
      for (const passId of info.passIds) latest[passId] = runId;
      // A counted run that had already ended before its answer came: count it now.
      const run = runs[runId];
      const totals = run.status === 'done' && run.total && !s.reviewRuns[runId]?.adopted ? countRun(s.reviewSpecTotals, run.total, info.mode) : s.reviewSpecTotals;
      return { reviewRuns: runs, reviewLatest: latest, reviewSpecTotals: totals };
    }),

  reviewSetStates: (contentHash, states) =>
    set((s) => {
      const next = { ...s.reviewStates };
      for (const { findingId, state } of states) next[stateKey(contentHash, findingId)] = state;
      return { reviewStates: next };
    }),

  reviewClear: () =>
    set({
      reviewLatest: {},
      reviewAnchors: {},
      reviewSelected: null,
      reviewDraft: null,
      reviewError: null,
      reviewClarify: initialClarify,
      reviewBrief: initialBrief,
      reviewSpecTotals: NO_TOTALS,
    }),
});
