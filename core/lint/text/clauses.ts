import type { AcStyle } from '../types.js';
import type { Span } from './words.js';

export type Role = 'given' | 'when' | 'then' | 'condition' | 'subject' | 'response' | 'body';

export interface Clause extends Span {
  role: Role;
}

export interface Structure {
  style: AcStyle;
  clauses: Clause[];
  /** Where the expected outcome is written: Then parts, the EARS response, or the whole text. */
  outcome: Span[];
  /** Given/When parts and EARS conditions. */
  trigger: Span[];
}

const B = '(?<![\\p{L}\\p{N}_-])';
const E = '(?![\\p{L}\\p{N}_-])';
const GWT = new RegExp(`${B}(given|when|then)${E}`, 'giu');
// A list marker may come first: OpenSpec writes scenario steps as "- **WHEN** …" bullets.
const LEAD = /^[\s*_]*(?:(?:[-+]|\d+[.)])\s+[\s*_]*)?(given|when|while|where|if)(?![\p{L}\p{N}_-])/iu;
const CHECKBOX = /^\s*(?:[-*+]\s+)?\[[ xX]\]\s*/;
const MODAL = new RegExp(`${B}(shall|must|will|should|may|could|might)${E}`, 'iu');
const UBIQUITOUS = /^[\s*_]*(?:the|a|an|each|every|all)?[^,.;\n]{1,80}?\s(shall)(?![\p{L}\p{N}_-])/iu;

/**
 * Detects the style of a criterion (FR-3) and where its parts are: Given/When/Then with
 * And/But continuations on one line or several, the five EARS patterns, checklist bullets
 * and plain sentences. Works on the masked text, so keywords inside literals do not count.
 */
export function structure(masked: string, checkboxOnLine = false): Structure {
  const box = CHECKBOX.exec(masked);
  const from = box ? box[0].length : 0;
  const inner = parseInner(masked, from);
  return box || checkboxOnLine ? { ...inner, style: 'checklist' } : inner;
}

function parseInner(text: string, from: number): Structure {
  const body = text.slice(from);
  const lead = LEAD.exec(body)?.[1]?.toLowerCase();
  const keywords = [...body.matchAll(GWT)].map((m) => ({ at: from + m.index, word: m[1].toLowerCase() }));
  const hasThenAfterWhen = keywords.some((k) => k.word === 'then') && keywords.some((k) => k.word === 'when' || k.word === 'given');

  if (lead === 'given' || (lead === 'when' && hasThenAfterWhen)) return gherkin(text, from, keywords);
  if (lead === 'if' || lead === 'when' || lead === 'while' || lead === 'where') return ears(text, from, lead);

  const ubiquitous = UBIQUITOUS.exec(body);
  if (ubiquitous) {
    const modalAt = from + ubiquitous[0].length - ubiquitous[1].length;
    return {
      style: 'ears-ubiquitous',
      clauses: [
        { role: 'subject', start: from, end: modalAt },
        { role: 'response', start: modalAt, end: text.length },
      ],
      outcome: [{ start: modalAt, end: text.length }],
      trigger: [],
    };
  }
  const whole = { start: from, end: text.length };
  return { style: 'plain', clauses: [{ role: 'body', ...whole }], outcome: [whole], trigger: [] };
}

function gherkin(text: string, from: number, keywords: Array<{ at: number; word: string }>): Structure {
  const clauses: Clause[] = [];
  if (keywords.length === 0 || keywords[0].at > from) {
    clauses.push({ role: 'body', start: from, end: keywords[0]?.at ?? text.length });
  }
  keywords.forEach((k, i) => {
    clauses.push({ role: k.word as Role, start: k.at, end: keywords[i + 1]?.at ?? text.length });
  });
  // "Given X, the response is 202 and …": one Given and no When/Then keyword, so what follows
  // its first comma is the outcome (the seed spec's AC-1 and AC-2 are written this way).
  const only = clauses.length === 1 ? clauses[0] : undefined;
  if (only?.role === 'given') {
    const comma = text.indexOf(',', only.start);
    if (comma > only.start && comma < only.end - 1) {
      only.end = comma + 1;
      clauses.push({ role: 'then', start: comma + 1, end: text.length });
    }
  }
  return {
    style: 'given-when-then',
    clauses,
    outcome: clauses.filter((c) => c.role === 'then'),
    trigger: clauses.filter((c) => c.role === 'given' || c.role === 'when'),
  };
}

const EARS_STYLE: Record<string, AcStyle> = {
  when: 'ears-event',
  while: 'ears-state',
  if: 'ears-unwanted',
  where: 'ears-optional',
};

function ears(text: string, from: number, lead: string): Structure {
  let split = -1;
  if (lead === 'if') {
    const then = new RegExp(`${B}then${E}`, 'iu').exec(text.slice(from));
    if (then) split = from + then.index;
  }
  if (split === -1) {
    const modal = MODAL.exec(text.slice(from));
    const limit = modal ? from + modal.index : text.length;
    const comma = modal ? text.lastIndexOf(',', limit) : text.indexOf(',', from);
    split = comma >= from ? comma + 1 : modal ? limit : text.length;
  }
  const condition = { start: from, end: split };
  const response = { start: split, end: text.length };
  return {
    style: EARS_STYLE[lead],
    clauses: [
      { role: 'condition', ...condition },
      { role: 'response', ...response },
    ],
    outcome: response.end > response.start ? [response] : [],
    trigger: [condition],
  };
}
