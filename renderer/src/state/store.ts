import { create } from 'zustand';
import { createDocumentSlice, type DocumentSlice } from './document-slice.js';
import { createLibrarySlice, type LibrarySlice } from './library-slice.js';
import { createLintSlice, type LintSlice } from './lint-slice.js';
import { createReviewSlice, type ReviewSlice } from './review-slice.js';
import { createUiSlice, type UiSlice } from './ui-slice.js';
import { createValidateSlice, type ValidateSlice } from './validate-slice.js';

export type WorkbenchState = DocumentSlice & UiSlice & LintSlice & ReviewSlice & LibrarySlice & ValidateSlice;

/** The workbench's one store, composed of slices (zustand's slices pattern). */
export const useWorkbench = create<WorkbenchState>()((...a) => ({
  ...createDocumentSlice(...a),
  ...createUiSlice(...a),
  ...createLintSlice(...a),
  ...createReviewSlice(...a),
  ...createLibrarySlice(...a),
  ...createValidateSlice(...a),
}));
