import type { StepKeyword } from './types.js';

/** The smallest piece of a criterion a step can start or end at. */
export interface Atom {
  text: string;
  start: number;
  end: number;
  keyword: StepKeyword | null;
  /** Index of the keyword segment (Given part, When part…): steps never span two. */
  segment: number;
  /** The separator written before this atom inside its segment (', ', ' and '…), to join atoms back. */
  joiner: string;
}

export interface SplitResult {
  style: 'gherkin' | 'ears' | 'plain';
  atoms: Atom[];
}

const KEYWORDS: Record<string, StepKeyword> = { given: 'given', when: 'when', then: 'then', while: 'given', if: 'given', where: 'given' };
const EARS = /^\s*(when|if|while|where)\b([\s\S]*?),?\s*(?:then\s+)?the\s+[\w-]+\s+(shall|must)\b([\s\S]*)$/i;

/** Spans that never split: backticks, JSON braces, parentheses, double quotes. */
function protectedMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    let close = -1;
    if (c === '`') close = text.indexOf('`', i + 1);
    else if (c === '"') close = text.indexOf('"', i + 1);
    else if (c === '{' || c === '(' || c === '[') close = matching(text, i);
    if (close > i) {
      for (let k = i; k <= close; k += 1) mask[k] = true;
      i = close + 1;
    } else i += 1;
  }
  return mask;
}

function matching(text: string, open: number): number {
  const pairs: Record<string, string> = { '{': '}', '(': ')', '[': ']' };
  const want = pairs[text[open]!]!;
  let depth = 0;
  for (let i = open; i < text.length && i < open + 2_000; i += 1) {
    if (text[i] === text[open]) depth += 1;
    else if (text[i] === want && (depth -= 1) === 0) return i;
  }
  return -1;
}

/** "should be" → "is" and friends: a `should` in a Then step is an assertion, worded as a fact. */
export function normaliseModal(text: string): string {
  return text
    .replace(/\b(?:should|shall|must) not be\b/gi, 'is not')
    .replace(/\b(?:should|shall|must) be\b/gi, 'is')
    .replace(/\b(?:should|shall|must) have\b/gi, 'has')
    .replace(/\b(?:should|shall|must) contain\b/gi, 'contains')
    .replace(/\b(?:should|shall|must) (return|respond|reply|answer|set|write|send|log)\b/gi, (_, v: string) => `${v.toLowerCase()}s`);
}

interface Segment {
  keyword: StepKeyword | null;
  text: string;
  start: number;
}

/** Given/When/Then (any case, on one line or several, And/But continuing), EARS, or plain sentences. */
function segments(text: string, mask: boolean[]): { style: SplitResult['style']; segments: Segment[] } {
  const ears = EARS.exec(text);
  if (ears && !/\bthen\b[\s\S]*\bthen\b/i.test(text)) {
    const condStart = ears.index + ears[0].indexOf(ears[1]!) + ears[1]!.length;
    const condText = ears[2]!;
    const responseText = ears[4]!;
    const responseStart = text.length - responseText.length;
    return {
      style: 'ears',
      segments: [
        { keyword: ears[1]!.toLowerCase() === 'when' ? 'when' : 'given', text: condText, start: condStart },
        { keyword: 'then', text: responseText, start: responseStart },
      ],
    };
  }
  const starts: { at: number; keyword: StepKeyword; skip: number }[] = [];
  // Gherkin when the criterion (or any of its lines) opens with a keyword; then every
  // Given/When/Then outside literals starts a step group, and And/But at a line start continue one.
  const gherkinLead = /^(?:\s*[-*]?\s*)(given|when|then)\s/im.test(text);
  const re = /(^|[\s,;.(])(given|when|then|and|but)(?=\s)/gi;
  let m: RegExpExecArray | null;
  let sawGherkin = false;
  while (gherkinLead && (m = re.exec(text))) {
    const at = m.index + m[1]!.length;
    if (mask[at]) continue;
    const word = m[2]!.toLowerCase();
    const lineStart = at === 0 || /\n\s*[-*]?\s*$/.test(text.slice(0, at));
    if (word === 'and' || word === 'but') {
      // A continuation keyword only at the start of a line; inside a sentence "and" joins clauses.
      if (lineStart && starts.length > 0) starts.push({ at, keyword: starts[starts.length - 1]!.keyword, skip: word.length });
      continue;
    }
    sawGherkin = true;
    starts.push({ at, keyword: KEYWORDS[word]!, skip: word.length });
  }
  if (!sawGherkin) return { style: 'plain', segments: [{ keyword: null, text, start: 0 }] };
  const out: Segment[] = [];
  if (starts[0]!.at > 0 && text.slice(0, starts[0]!.at).trim() !== '') out.push({ keyword: null, text: text.slice(0, starts[0]!.at), start: 0 });
  starts.forEach((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.at : text.length;
    out.push({ keyword: s.keyword, text: text.slice(s.at + s.skip, end), start: s.at + s.skip });
  });
  return { style: 'gherkin', segments: out };
}

const SEPARATOR = /(,\s*(?:and|then)\s+|;\s*(?:and\s+)?|,\s+|\s+(?:and|then)\s+|\.\s+(?=[A-Z]))/g;
const KEEP_RIGHT = /\s+(?=(?:returns|responds|replies|answers)\b)/g;

/**
 * Splits a criterion into atoms: keyword segments first, then every comma, "and", "then" and
 * sentence end outside literals. The compiler joins adjacent atoms back when only the joined
 * text matches a step ("a matching email and password").
 */
export function splitCriterion(raw: string): SplitResult {
  const text = raw;
  const mask = protectedMask(text);
  const { style, segments: segs } = segments(text, mask);
  const atoms: Atom[] = [];
  segs.forEach((seg, index) => {
    const cuts: { at: number; len: number; joiner: string }[] = [];
    for (const re of [SEPARATOR, KEEP_RIGHT]) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(seg.text))) {
        if (mask[seg.start + m.index] || m[0].length === 0) {
          if (m[0].length === 0) re.lastIndex += 1;
          continue;
        }
        cuts.push({ at: m.index, len: m[0].length, joiner: m[0] });
      }
    }
    cuts.sort((a, b) => a.at - b.at);
    let from = 0;
    let joiner = '';
    const push = (to: number, nextJoiner: string): void => {
      const piece = seg.text.slice(from, to);
      const lead = piece.length - piece.trimStart().length;
      const trimmed = piece.trim().replace(/[.;:,]+$/, '');
      if (trimmed !== '') {
        atoms.push({ text: trimmed, start: seg.start + from + lead, end: seg.start + from + lead + trimmed.length, keyword: seg.keyword, segment: index, joiner });
        joiner = nextJoiner;
      }
    };
    for (const cut of cuts) {
      if (cut.at < from) continue;
      push(cut.at, cut.joiner);
      from = cut.at + cut.len;
    }
    push(seg.text.length, '');
  });
  return { style, atoms };
}

/** Lower-cases a leading capital ("The response…" → "the response…") but keeps "POST" and "AC-1". */
export function normaliseStepText(text: string): string {
  let t = text.replace(/^[\s*_-]*/, '').replace(/^(?:given|when|then|and|but)\s+/i, '').replace(/^(?:ensure|ensures|check|checks|verify) that\s+/i, '');
  t = normaliseModal(t).replace(/\s+/g, ' ').trim().replace(/[.;,]+$/, '');
  // "it returns 429", "reply so that the status is 202": the subject or lead-in carries nothing to run.
  t = t.replace(/^it\s+(?=(?:returns|responds|answers|replies)\b)/i, '').replace(/^(?:reply|respond|answer) so that\s+/i, '');
  return /^[A-Z](?:[a-z]|\s)/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t;
}
