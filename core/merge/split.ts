import { keyedSections } from '../diff/keys.js';
import { parseSpec } from '../markdown/parse.js';
import type { TemplateId } from '../templates/types.js';

/**
 * Above this many sections in any of the three texts the merge stops looking inside and treats
 * each whole document as one section: a change on one side still merges, a change on both is one
 * conflict. Real specs have 6–20 sections; the cap keeps hostile input linear.
 */
export const MAX_MERGE_SECTIONS = 1000;

export const WHOLE_DOCUMENT_KEY = 'document';

/** One side of a merge: its sections in order, by the diff's stable keys. */
export interface SplitText {
  order: string[];
  text: Map<string, string>;
  heading: Map<string, string>;
  eol: '\n' | '\r\n';
}

/**
 * Splits a spec into the diff's keyed sections (preamble, then one per H2, see `core/diff/keys`).
 * `format` pins the template for all three sides, so a heading one side adds cannot flip the
 * detected template and with it every key.
 */
export function splitSections(markdown: string, format?: TemplateId): { split: SplitText; template: TemplateId } {
  const doc = parseSpec(markdown, format ? { format } : {});
  const split: SplitText = { order: [], text: new Map(), heading: new Map(), eol: doc.eol };
  for (const section of keyedSections(doc)) {
    split.order.push(section.key);
    split.text.set(section.key, section.text);
    split.heading.set(section.key, section.heading);
  }
  return { split, template: doc.template };
}

/** The whole text as one section (the fallback above `MAX_MERGE_SECTIONS`). */
export function wholeDocument(markdown: string, eol: '\n' | '\r\n'): SplitText {
  return {
    order: [WHOLE_DOCUMENT_KEY],
    text: new Map([[WHOLE_DOCUMENT_KEY, markdown]]),
    heading: new Map([[WHOLE_DOCUMENT_KEY, 'Whole document']]),
    eol,
  };
}
