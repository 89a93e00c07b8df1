import { parseSpec } from '../markdown/parse.js';
import { composeSpec, toEol } from '../spec/edit.js';
import type { SpecDocument } from '../spec/model.js';
import { getTemplate } from '../templates/index.js';
import { anchorQuote, findSection, type AnchorKind, type AnchorOptions } from './anchor.js';

/**
 * One text replacement on the whole document: `markdown` is `source` with [start, end)
 * replaced by `text`. The editor applies exactly this range as one undoable edit.
 */
export interface FindingEditOk {
  ok: true;
  mode: 'replace' | 'insert' | 'add-section';
  /** How the quote was found (replace only). */
  anchor?: AnchorKind;
  sectionIndex: number | null;
  start: number;
  end: number;
  /** The text that was there, for undo views and for tests that check nothing else moved. */
  oldText: string;
  text: string;
  markdown: string;
}

export interface FindingEditRefused {
  ok: false;
  reason: 'no-proposed-text' | 'no-section' | 'unanchored';
  message: string;
}

export type FindingEdit = FindingEditOk | FindingEditRefused;

/**
 * The edit that applies a finding's `proposedText`: it replaces exactly the quoted range of
 * the named section; with an empty quote it is added at the end of that section (or as the
 * template section, when the document lacks it). Nothing outside that range changes.
 */
export function computeFindingEdit(
  source: string | SpecDocument,
  finding: { section: string; quote: string; proposedText?: string },
  options: AnchorOptions = {},
): FindingEdit {
  const doc = typeof source === 'string' ? parseSpec(source) : source;
  if (finding.proposedText === undefined) {
    return { ok: false, reason: 'no-proposed-text', message: 'This finding has no proposed text to apply.' };
  }
  const text = toEol(finding.proposedText, doc.eol);
  const found = findSection(doc, finding.section);

  if (!found) {
    const template = getTemplate(doc.template);
    if (finding.quote.trim() !== '' || !template.sections.some((s) => s.key === finding.section)) {
      return { ok: false, reason: 'no-section', message: `The document has no section "${finding.section}".` };
    }
    const markdown = composeSpec(doc, new Map(), new Map([[finding.section, text]]));
    return { ok: true, mode: 'add-section', sectionIndex: null, ...singleRange(doc.source, markdown), markdown };
  }

  const { section, index } = found;
  if (finding.quote.trim() === '') {
    const contentEnd = section.body.replace(/\s+$/, '').length;
    const at = section.bodyStart + contentEnd;
    // A blank section gets the text as its first line; otherwise it starts a new line after
    // the last line with content, keeping the blank lines that separate the next heading.
    const insert = contentEnd === 0 ? text + (text.endsWith('\n') ? '' : doc.eol) : doc.eol + text.replace(/\r?\n$/, '');
    return {
      ok: true,
      mode: 'insert',
      sectionIndex: index,
      start: at,
      end: at,
      oldText: '',
      text: insert,
      markdown: doc.source.slice(0, at) + insert + doc.source.slice(at),
    };
  }

  const anchor = anchorQuote(section.body, finding.quote, options);
  if (anchor.kind === 'unanchored') {
    return { ok: false, reason: 'unanchored', message: 'The quoted text is no longer in this section; the finding is outdated.' };
  }
  const start = section.bodyStart + anchor.start;
  const end = section.bodyStart + anchor.end;
  return {
    ok: true,
    mode: 'replace',
    anchor: anchor.kind,
    sectionIndex: index,
    start,
    end,
    oldText: doc.source.slice(start, end),
    text,
    markdown: doc.source.slice(0, start) + text + doc.source.slice(end),
  };
}

/** The one range that turns `before` into `after` (common prefix and suffix kept). */
function singleRange(before: string, after: string): { start: number; end: number; oldText: string; text: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < max - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return {
    start,
    end: before.length - tail,
    oldText: before.slice(start, before.length - tail),
    text: after.slice(start, after.length - tail),
  };
}
