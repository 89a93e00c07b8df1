import { PREAMBLE_KEY } from '../diff/keys.js';
import { MAX_MERGE_SECTIONS, splitSections, wholeDocument, type SplitText } from './split.js';
import type { MergedSection, MergeResult, SectionConflict } from './types.js';

const START = '\u0000start';

/**
 * Three-way merge of spec Markdown by section (issue 15 FR-6): `base` is the version both sides
 * started from, `theirs` the version saved meanwhile, `mine` the text being saved. Sections are
 * the semantic diff's (preamble + one per H2, matched by key), and are independent: a section
 * changed on one side takes that side, changed identically on both takes it, changed differently
 * on both is a conflict (as is "removed on one side, edited on the other" and "added on both with
 * different text"). Section texts are copied verbatim, so bytes outside changed sections — front
 * matter, line endings, trailing spaces — are kept exactly. A BOM is the caller's (strip it first).
 *
 * `options.resolved` gives the text for conflicting sections (the merge view's choices).
 * The cost is parsing the three texts (as for a diff) plus a pass over their sections; above
 * `MAX_MERGE_SECTIONS` each text is merged as one section.
 */
export function mergeSections(base: string, theirs: string, mine: string, options: MergeOptions = {}): MergeResult {
  // No shortcut for base === theirs or base === mine: the section walk returns the other side
  // byte for byte on its own, and the property tests check exactly that path.
  const b = splitSections(base);
  const t = splitSections(theirs, b.template).split;
  const m = splitSections(mine, b.template).split;
  const tooMany = [b.split, t, m].some((s) => s.order.length > MAX_MERGE_SECTIONS);
  const sides = tooMany
    ? { base: wholeDocument(base, b.split.eol), theirs: wholeDocument(theirs, t.eol), mine: wholeDocument(mine, m.eol) }
    : { base: b.split, theirs: t, mine: m };
  return mergeSplit(sides.base, sides.theirs, sides.mine, options.resolved ?? {});
}

export interface MergeOptions {
  /**
   * The text chosen for conflicting sections, by conflict key (null removes the section): the
   * merge view's answers. A resolved conflict is no longer reported.
   */
  resolved?: Record<string, string | null>;
}

function mergeSplit(base: SplitText, theirs: SplitText, mine: SplitText, resolved: Record<string, string | null>): MergeResult {
  const chosen = new Map<string, string>();
  const conflicts: SectionConflict[] = [];
  const fromTheirs: MergedSection[] = [];
  const fromMine: MergedSection[] = [];
  const headingOf = (key: string) => mine.heading.get(key) ?? theirs.heading.get(key) ?? base.heading.get(key) ?? key;
  const change = (was: string | undefined, now: string | undefined): MergedSection['change'] =>
    was === undefined ? 'added' : now === undefined ? 'removed' : 'modified';

  for (const key of unionKeys(base, theirs, mine)) {
    const was = base.text.get(key);
    const their = theirs.text.get(key);
    const my = mine.text.get(key);
    const side = pick(was, their, my);
    if (side === 'mine' || side === 'same') {
      if (my !== undefined) chosen.set(key, my);
      if (side === 'mine') fromMine.push({ key, heading: headingOf(key), change: change(was, my) });
    } else if (side === 'theirs') {
      if (their !== undefined) chosen.set(key, their);
      fromTheirs.push({ key, heading: headingOf(key), change: change(was, their) });
    } else if (Object.hasOwn(resolved, key)) {
      const text = resolved[key];
      if (text !== null) chosen.set(key, text);
    } else {
      if (their !== undefined) chosen.set(key, their);
      conflicts.push({
        key,
        heading: headingOf(key),
        kind: was === undefined ? 'both-added' : their === undefined ? 'removed-by-theirs' : my === undefined ? 'removed-by-mine' : 'both-modified',
        base: was ?? null,
        theirs: their ?? null,
        mine: my ?? null,
      });
    }
  }

  const markdown = join(
    mergedOrder(base, theirs, mine).filter((key) => chosen.has(key)).map((key) => chosen.get(key)!),
    mine.eol,
  );
  return conflicts.length === 0
    ? { status: 'clean', markdown, fromTheirs, fromMine }
    : { status: 'conflict', conflicts, markdownWithTheirs: markdown, fromTheirs, fromMine };
}

/** Equal but for trailing whitespace (blank lines, a final line ending). */
/**
 * Which side a section's text comes from. Exact comparisons first (they make base == theirs
 * return mine byte for byte); then trailing whitespace is no edit, because appending a section
 * after the last one adds a blank line to it, and that must not conflict with an edit of that
 * section on the other side.
 */
function pick(was: string | undefined, their: string | undefined, my: string | undefined): 'same' | 'mine' | 'theirs' | 'conflict' {
  if (their === my) return 'same';
  if (their === was) return 'mine';
  if (my === was) return 'theirs';
  if (sameContent(their, my)) return 'same';
  if (sameContent(their, was)) return 'mine';
  if (sameContent(my, was)) return 'theirs';
  return 'conflict';
}

function sameContent(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.trimEnd() === b.trimEnd();
}

function unionKeys(...sides: SplitText[]): string[] {
  const seen = new Set<string>();
  for (const side of sides) for (const key of side.order) seen.add(key);
  return [...seen];
}

/**
 * The order of the merged sections: base's sections in the order of the side that reordered them
 * (mine first), then each side's added sections right after the base section that precedes them
 * on that side. Two sides adding at the same place are ordered by key so the merge commutes.
 */
function mergedOrder(base: SplitText, theirs: SplitText, mine: SplitText): string[] {
  const inBase = (key: string) => base.text.has(key);
  const spine = reordered(base.order, mine.order.filter(inBase)) ?? reordered(base.order, theirs.order.filter(inBase)) ?? base.order;

  const additions = new Map<string, string[][]>();
  for (const side of [theirs, mine]) {
    const groups = new Map<string, string[]>();
    let anchor = START;
    for (const key of side.order) {
      if (inBase(key)) anchor = key;
      else if (groups.has(anchor)) groups.get(anchor)!.push(key);
      else groups.set(anchor, [key]);
    }
    for (const [at, keys] of groups) {
      if (additions.has(at)) additions.get(at)!.push(keys);
      else additions.set(at, [keys]);
    }
  }

  const order: string[] = [];
  const placed = new Set<string>();
  const place = (key: string) => {
    if (!placed.has(key)) order.push(key);
    placed.add(key);
  };
  const placeAdditions = (anchor: string) => {
    const groups = (additions.get(anchor) ?? []).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    for (const group of groups) group.forEach(place);
  };
  placeAdditions(START);
  for (const key of spine) {
    place(key);
    placeAdditions(key);
  }
  // The preamble is the text before the first heading: it can only come first.
  return placed.has(PREAMBLE_KEY) ? [PREAMBLE_KEY, ...order.filter((k) => k !== PREAMBLE_KEY)] : order;
}

/**
 * `base` in the order `kept` lists its keys, when that differs from base's own order; keys the
 * side removed stay right after the base key that preceded them (they anchor the other side's
 * additions). Undefined when the side kept base's order.
 */
function reordered(baseOrder: string[], kept: string[]): string[] | undefined {
  const keptSet = new Set(kept);
  const baseKept = baseOrder.filter((k) => keptSet.has(k));
  if (baseKept.every((k, i) => k === kept[i])) return undefined;
  const removedAfter = new Map<string, string[]>();
  let anchor = START;
  for (const key of baseOrder) {
    if (keptSet.has(key)) anchor = key;
    else if (removedAfter.has(anchor)) removedAfter.get(anchor)!.push(key);
    else removedAfter.set(anchor, [key]);
  }
  return [...(removedAfter.get(START) ?? []), ...kept.flatMap((k) => [k, ...(removedAfter.get(k) ?? [])])];
}

/** Section texts end with their line ending except a document's last; one moved inward gets one. */
function join(pieces: string[], eol: string): string {
  let out = '';
  pieces.forEach((piece, i) => {
    out += piece;
    if (i < pieces.length - 1 && piece.length > 0 && !piece.endsWith('\n')) out += eol;
  });
  return out;
}
