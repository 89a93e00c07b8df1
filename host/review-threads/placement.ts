import { indexDocument, reanchor, refreshSelector, type AnchorIndex, type Placement, type TextSelector } from '../../core/comments/index.js';
import type { ThreadPlacement } from '../../core/contract/ops/review-threads.js';
import type { ThreadRow } from '../db/queries/review-threads.js';
import { contentHash } from '../store/content-hash.js';

/** One text prepared for placing many threads: parsed and indexed once (NFR-2). */
export interface PlacedText {
  text: string;
  hash: string;
  index: AnchorIndex;
}

export function prepareText(text: string): PlacedText {
  return { text, hash: contentHash(text).hash, index: indexDocument(text) };
}

export function originalSelector(row: ThreadRow): TextSelector {
  return {
    requirementId: row.requirement_id,
    exact: row.quote_exact,
    prefix: row.quote_prefix,
    suffix: row.quote_suffix,
    start: row.position_start,
    end: row.position_end,
    wholeRequirement: row.whole_requirement === 1,
  };
}

/** The selector as the thread last lay (its requirement id follows a renumbering). */
export function currentSelector(row: ThreadRow): TextSelector {
  return {
    requirementId: row.anchor_requirement_id,
    exact: row.anchor_exact,
    prefix: row.anchor_prefix,
    suffix: row.anchor_suffix,
    start: row.anchor_start,
    end: row.anchor_end,
    wholeRequirement: row.whole_requirement === 1,
  };
}

/**
 * Where a thread lies in `placed`. From where it last lay; an outdated thread is tried again
 * from its original selector (the text may have come back). Returns the row to store when the
 * placement changed, so the caller can persist it for a head version.
 */
export function placeThread(row: ThreadRow, placed: PlacedText): { placement: Placement; updated: ThreadRow | null } {
  if (row.anchor_hash === placed.hash) {
    const placement: Placement =
      row.anchor_status === 'attached'
        ? { status: 'attached', start: row.anchor_start, end: row.anchor_end, requirementId: row.anchor_requirement_id, method: (row.anchor_method ?? 'id') as 'id' }
        : { status: 'outdated', reason: (row.anchor_method === 'ambiguous' ? 'ambiguous' : 'not-found') };
    return { placement, updated: null };
  }
  let placement = reanchor(currentSelector(row), placed.index);
  if (placement.status === 'outdated') {
    const fromOriginal = reanchor(originalSelector(row), placed.index);
    if (fromOriginal.status === 'attached') placement = fromOriginal;
  }
  const updated: ThreadRow = { ...row, anchor_hash: placed.hash };
  if (placement.status === 'attached') {
    const now = refreshSelector(placed.index, placement.start, placement.end);
    Object.assign(updated, {
      anchor_status: 'attached',
      anchor_method: placement.method,
      anchor_requirement_id: placement.requirementId,
      anchor_exact: now.exact,
      anchor_prefix: now.prefix,
      anchor_suffix: now.suffix,
      anchor_start: now.start,
      anchor_end: now.end,
    });
  } else {
    // The last good placement is kept (not overwritten) so a later text can still be matched from it.
    Object.assign(updated, { anchor_status: 'outdated', anchor_method: placement.reason === 'ambiguous' ? 'ambiguous' : null });
  }
  return { placement, updated };
}

/** The contract's placement: adds the heading of the section it lies in. */
export function describePlacement(placement: Placement, placed: PlacedText): ThreadPlacement {
  if (placement.status === 'outdated') return placement;
  let section = '';
  for (const s of placed.index.sections) if (s.start <= placement.start) section = s.heading;
  return { ...placement, section };
}
