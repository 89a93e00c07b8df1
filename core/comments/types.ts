/**
 * A W3C Web Annotation–style selector: where a comment was made, kept forever so a comment that
 * can no longer be placed is still shown with its original quote and version.
 */
export interface TextSelector {
  /** The requirement (FR-3, AC-7, R2.1) or edge-case row (`row:<scenario>`) the selection lies in, else null. */
  requirementId: string | null;
  /** TextQuoteSelector: the selected text and up to CONTEXT_CHARS characters either side. */
  exact: string;
  prefix: string;
  suffix: string;
  /** TextPositionSelector: offsets in the whole Markdown document of the version below. */
  start: number;
  end: number;
  /** The selection covered its whole requirement: a reworded requirement keeps the comment. */
  wholeRequirement: boolean;
}

/** How a placement was found; `requirement` = the whole (reworded) requirement the comment was on. */
export type AnchorMethod = 'id' | 'quote' | 'fuzzy' | 'requirement';

export type Placement =
  | { status: 'attached'; start: number; end: number; requirementId: string | null; method: AnchorMethod }
  | { status: 'outdated'; reason: 'not-found' | 'ambiguous' };

/** A requirement or edge-case row with its offsets in the whole document. */
export interface RequirementRange {
  id: string;
  start: number;
  end: number;
}
