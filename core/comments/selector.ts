import type { AnchorIndex } from './requirement-ranges.js';
import { requirementAt } from './requirement-ranges.js';
import type { TextSelector } from './types.js';

/** Characters of context kept either side of a quote (Hypothesis keeps 32). */
export const CONTEXT_CHARS = 32;

/**
 * The selector for a selection [start, end) of a document. Throws on an empty or out-of-range
 * selection: a comment on nothing cannot be re-anchored.
 */
export function createSelector(index: AnchorIndex, start: number, end: number): TextSelector {
  const { text } = index;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    throw new RangeError(`selection ${start}–${end} is empty or outside the document (length ${text.length})`);
  }
  const requirement = requirementAt(index, start, end);
  const exact = text.slice(start, end);
  const wholeRequirement = requirement !== null && text.slice(requirement.start, requirement.end).trim() === exact.trim();
  return {
    requirementId: requirement?.id ?? null,
    exact,
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
    start,
    end,
    wholeRequirement,
  };
}

/** The selector as it now lies at [start, end): used after each re-anchoring so later edits are matched from here. */
export function refreshSelector(index: AnchorIndex, start: number, end: number): TextSelector {
  return createSelector(index, start, end);
}
