import type { Placement, TextSelector } from './types.js';

export type SuggestionEdit =
  | { ok: true; start: number; end: number; replacement: string; text: string }
  | { ok: false; reason: 'outdated' | 'text-changed'; message: string };

export const TEXT_CHANGED_MESSAGE = 'text changed since the suggestion';

/**
 * The one edit that accepts a suggestion: its quote, where it now lies, replaced by the
 * suggested text. Refused when the comment is outdated or the quoted text was changed since
 * (a fuzzy or reworded placement), so an accept never overwrites text the reviewer did not see.
 */
export function suggestionEdit(text: string, selector: TextSelector, placement: Placement, replacement: string): SuggestionEdit {
  if (placement.status !== 'attached') return { ok: false, reason: 'outdated', message: 'the suggested text is no longer in the spec (outdated)' };
  if (text.slice(placement.start, placement.end) !== selector.exact) return { ok: false, reason: 'text-changed', message: TEXT_CHANGED_MESSAGE };
  return {
    ok: true,
    start: placement.start,
    end: placement.end,
    replacement,
    text: text.slice(0, placement.start) + replacement + text.slice(placement.end),
  };
}
