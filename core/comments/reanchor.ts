import { difference, fuzzyFind } from './fuzzy.js';
import { requirementAt, type AnchorIndex } from './requirement-ranges.js';
import { CONTEXT_CHARS } from './selector.js';
import type { AnchorMethod, Placement, RequirementRange, TextSelector } from './types.js';

/** A lone exact occurrence elsewhere is accepted with no matching context only when the quote is this long (a moved paragraph). */
export const LONE_QUOTE_MIN_LENGTH = 24;
/** Context characters that must agree for a short quote found outside its requirement. */
export const MIN_CONTEXT_MATCH = 4;
/** A whole-requirement comment follows its reworded requirement while the texts differ by at most this much. */
export const REWORD_MAX_DIFFERENCE = 0.6;
/** More occurrences than this of one quote is not a place, it is a word: no guess. */
const MAX_OCCURRENCES = 500;

/**
 * Places a comment in a (new or edited) document. Order: (1) by requirement id — the exact
 * quote inside that requirement; (2) the exact quote anywhere, prefix/suffix then position
 * breaking ties (a renumbered requirement with the same text is followed, its new id taken);
 * (3) fuzzy: a reworded whole requirement by id, else diff-match-patch near the old place;
 * else outdated. Equal candidates are never guessed between: that is `outdated: ambiguous`.
 */
export function reanchor(selector: TextSelector, index: AnchorIndex): Placement {
  const { text } = index;
  const item = selector.requirementId ? index.byId.get(selector.requirementId) : undefined;

  // Fast path (TextPositionSelector first, as Hypothesis does): the quote is still where it was,
  // with all its context, in the same requirement. Any search below would choose this place too
  // (best context at distance 0), so this only saves time: most comments after an edit land here.
  if (unmovedAt(selector, text) && (!selector.requirementId || (item && item.start <= selector.start && selector.end <= item.end))) {
    return attached(index, selector.start, selector.end, selector.requirementId ? 'id' : 'quote');
  }

  if (item) {
    const inside = pickOccurrence(selector, text, occurrences(text, selector.exact, item.start, item.end), 0);
    if (inside === 'ambiguous') return { status: 'outdated', reason: 'ambiguous' };
    if (inside !== null) return attached(index, inside, inside + selector.exact.length, 'id');
  }

  const anywhere = occurrences(text, selector.exact, 0, text.length);
  const minContext = selector.exact.length >= LONE_QUOTE_MIN_LENGTH && anywhere.length === 1 ? 0 : MIN_CONTEXT_MATCH;
  const global = pickOccurrence(selector, text, anywhere, minContext);
  if (global === 'ambiguous') return { status: 'outdated', reason: 'ambiguous' };
  if (global !== null) return attached(index, global, global + selector.exact.length, 'quote');

  if (item) {
    const reworded = rewordedRequirement(selector, text, item);
    if (reworded) return attached(index, reworded.start, reworded.end, 'requirement');
    const near = fuzzyFind(text, selector.exact, item.start, item.start, item.end);
    if (near) return attached(index, near.start, near.end, 'fuzzy');
  }
  const fuzzy = fuzzyFind(text, selector.exact, selector.start);
  if (fuzzy) return attached(index, fuzzy.start, fuzzy.end, 'fuzzy');
  return { status: 'outdated', reason: 'not-found' };
}

function attached(index: AnchorIndex, start: number, end: number, method: AnchorMethod): Placement {
  return { status: 'attached', start, end, requirementId: requirementAt(index, start, end)?.id ?? null, method };
}

function occurrences(text: string, exact: string, from: number, to: number): number[] {
  const found: number[] = [];
  if (exact.length === 0) return found;
  for (let at = text.indexOf(exact, from); at !== -1 && at + exact.length <= to; at = text.indexOf(exact, at + 1)) {
    found.push(at);
    if (found.length > MAX_OCCURRENCES) break;
  }
  return found;
}

/** Characters of the stored prefix and suffix that still surround an occurrence. */
function contextScore(selector: TextSelector, text: string, at: number): number {
  let score = 0;
  const { prefix, suffix } = selector;
  for (let i = 1; i <= prefix.length && at - i >= 0 && text[at - i] === prefix[prefix.length - i]; i++) score++;
  const end = at + selector.exact.length;
  const prefixWhole = score === prefix.length;
  let suffixScore = 0;
  for (let i = 0; i < suffix.length && end + i < text.length && text[end + i] === suffix[i]; i++) suffixScore++;
  score += suffixScore;
  // Context cut short by the document's start or end agrees when the occurrence sits at that edge too.
  if (prefixWhole && prefix.length < CONTEXT_CHARS && at === prefix.length) score += CONTEXT_CHARS - prefix.length;
  if (suffixScore === suffix.length && suffix.length < CONTEXT_CHARS && end + suffix.length === text.length) score += CONTEXT_CHARS - suffix.length;
  return score;
}

/** The best occurrence by context, then by distance from the old position; null when none qualifies, 'ambiguous' on a tie. */
function pickOccurrence(selector: TextSelector, text: string, found: number[], minContext: number): number | null | 'ambiguous' {
  if (found.length === 0 || found.length > MAX_OCCURRENCES) return found.length ? 'ambiguous' : null;
  const scored = found.map((at) => ({ at, context: contextScore(selector, text, at), distance: Math.abs(at - selector.start) }));
  const bestContext = Math.max(...scored.map((s) => s.context));
  if (bestContext < minContext) return null;
  const top = scored.filter((s) => s.context === bestContext);
  if (top.length === 1) return top[0].at;
  const nearest = Math.min(...top.map((s) => s.distance));
  const closest = top.filter((s) => s.distance === nearest);
  return closest.length === 1 ? closest[0].at : 'ambiguous';
}

/** A comment on a whole requirement stays on it when it is reworded, not when it became different text (a renumbering). */
function rewordedRequirement(selector: TextSelector, text: string, item: RequirementRange): { start: number; end: number } | null {
  if (!selector.wholeRequirement) return null;
  const now = text.slice(item.start, item.end);
  return difference(now.trim(), selector.exact.trim()) <= REWORD_MAX_DIFFERENCE ? { start: item.start, end: item.end } : null;
}

function unmovedAt(selector: TextSelector, text: string): boolean {
  const { start, end, prefix, suffix } = selector;
  return (
    end <= text.length &&
    text.startsWith(selector.exact, start) &&
    start >= prefix.length &&
    text.startsWith(prefix, start - prefix.length) &&
    text.startsWith(suffix, end) &&
    // Context cut short by an edge must still be at that edge, or a longer context could win elsewhere.
    (prefix.length === CONTEXT_CHARS || start === prefix.length) &&
    (suffix.length === CONTEXT_CHARS || end + suffix.length === text.length)
  );
}

/** One edit of a text: [start, end) replaced by `inserted` characters. */
export interface TextEdit {
  start: number;
  end: number;
  inserted: number;
}

/**
 * The selector moved by an edit that happened before it, as the editor's decorations move: the
 * fast path of `reanchor` then finds it where it now is. Edits overlapping it leave it as it was,
 * for the full search.
 */
export function shiftSelector(selector: TextSelector, edit: TextEdit): TextSelector {
  if (edit.end > selector.start) return selector;
  const delta = edit.inserted - (edit.end - edit.start);
  return delta === 0 ? selector : { ...selector, start: selector.start + delta, end: selector.end + delta };
}
