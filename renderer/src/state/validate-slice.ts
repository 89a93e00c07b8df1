import type { StateCreator } from 'zustand';
import type { CriterionResultView, ValidateResult } from '../../../core/contract/ops/validate.js';
import type { WorkbenchState } from './store.js';

/** The Validate panel's state (issue 12 FR-7): the current run's progress and the newest result. */
export interface ValidateSlice {
  validation: {
    running: 'none' | 'all' | null;
    runId: string | null;
    done: number;
    total: number;
    /** Results as they stream in, by criterion id (statuses only until the run returns). */
    live: Record<string, CriterionResultView['status']>;
    result: ValidateResult | null;
    error: string | null;
    /** The criterion whose drawer is open. */
    openCriterion: string | null;
  };
  /** Bumps when a stored validation run appeared that this window did not make (a teammate's): stored results reload. */
  validationRunsRevision: number;
  validationRecordedElsewhere(): void;
  validateStarted(runId: string, defects: 'none' | 'all'): void;
  validateProgress(runId: string, done: number, total: number, id: string, status: CriterionResultView['status'], variant: string): void;
  validateFinished(result: ValidateResult): void;
  validateFailed(message: string): void;
  openCriterionDrawer(id: string | null): void;
}

export const createValidateSlice: StateCreator<WorkbenchState, [], [], ValidateSlice> = (set) => ({
  validation: { running: null, runId: null, done: 0, total: 0, live: {}, result: null, error: null, openCriterion: null },
  validationRunsRevision: 0,
  validationRecordedElsewhere: () => set((s) => ({ validationRunsRevision: s.validationRunsRevision + 1 })),
  validateStarted: (runId, defects) => set((s) => ({ validation: { ...s.validation, running: defects, runId, done: 0, total: 0, live: {}, error: null } })),
  validateProgress: (runId, done, total, id, status, variant) =>
    set((s) => {
      if (s.validation.runId !== runId) return {};
      // Only the correct server's statuses belong beside the criteria; defects only move the bar.
      const live = variant === 'correct' ? { ...s.validation.live, [id]: status } : s.validation.live;
      return { validation: { ...s.validation, done, total, live } };
    }),
  validateFinished: (result) => set((s) => ({ validation: { ...s.validation, running: null, result, done: s.validation.total, error: null } })),
  validateFailed: (message) => set((s) => ({ validation: { ...s.validation, running: null, error: message } })),
  openCriterionDrawer: (id) => set((s) => ({ validation: { ...s.validation, openCriterion: id } })),
});
