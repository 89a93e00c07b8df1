import type { StateCreator } from 'zustand';
import type { LintReport } from '../../../core/lint/index.js';
import type { WorkbenchState } from './store.js';

export interface LintSlice {
  /** The newest lint of the parsed document, or null before the first one. */
  lint: LintReport | null;
  lintMs: number;
  setLint(report: LintReport, ms: number): void;
}

export const createLintSlice: StateCreator<WorkbenchState, [], [], LintSlice> = (set) => ({
  lint: null,
  lintMs: 0,
  setLint: (report, ms) => set({ lint: report, lintMs: ms }),
});
