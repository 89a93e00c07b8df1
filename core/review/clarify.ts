import { parseSpec } from '../markdown/parse.js';
import { serializeSpec } from '../markdown/serialize.js';
import { composeSpec, toEol } from '../spec/edit.js';
import type { SpecDocument } from '../spec/model.js';
import { getTemplate } from '../templates/index.js';
import { anchorQuote, findSection } from './anchor.js';
import { SEVERITY_RANK } from './finding.js';
import { stableHash } from './hash.js';
import { normalizeText } from './normalize.js';
import { catalogueTarget, catalogues, detectCatalogue, isCovered } from './offline/reviewer.js';
import { MAX_CLARIFY_QUESTIONS, type ClarifyQuestionDraft } from './tool-schema.js';

/** One Clarify question (FR-5a): asked one at a time, each with a recommended answer. */
export interface ClarifyQuestion extends ClarifyQuestionDraft {
  id: string;
  offline?: boolean;
}

export function toClarifyQuestion(draft: ClarifyQuestionDraft, offline = false): ClarifyQuestion {
  return { id: `q-${stableHash(`${draft.section}\u0000${normalizeText(draft.question)}`)}`, ...draft, ...(offline ? { offline } : {}) };
}

/**
 * Clarify without a model: the open decisions are the catalogue concerns the spec does not
 * cover, most severe first, at most five. Each answer extends the requirement it concerns.
 */
export function offlineClarifyQuestions(doc: SpecDocument): ClarifyQuestion[] {
  const catalogue = detectCatalogue(doc.source, catalogues);
  if (!catalogue) return [];
  return catalogue.entries
    .filter((entry) => !isCovered(entry, doc.source))
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
    .slice(0, MAX_CLARIFY_QUESTIONS)
    .map((entry) => {
      const target = catalogueTarget(doc, entry);
      return toClarifyQuestion(
        {
          section: target.section,
          ...(target.quote ? { quote: target.quote } : {}),
          question: entry.clarify.question,
          recommended: entry.clarify.recommended,
          why: entry.whyAnAgentWouldGuess,
          alternatives: entry.clarify.alternatives,
        },
        true,
      );
    });
}

export interface ClarificationAnswer {
  section: string;
  quote?: string;
  question: string;
  /** The chosen answer (recommended, an alternative, or the author's own words). */
  answer: string;
}

const CLARIFICATIONS = /^clarifications?$/i;

/**
 * Writes a chosen answer back into the spec: into the section it concerns (after the quoted
 * passage when it is still there, else as a new line at the section's end) and as a
 * question/answer line under "## Clarifications", which is created at the end if missing.
 * Everything else in the document stays byte for byte.
 */
export function applyClarification(source: string, a: ClarificationAnswer): { markdown: string; writtenInto: 'quote' | 'section' | 'new-section' | 'clarifications-only' } {
  const answer = a.answer.trim().replace(/\s*\n\s*/g, ' ');
  const doc = parseSpec(source);
  let markdown: string;
  let writtenInto: 'quote' | 'section' | 'new-section' | 'clarifications-only';
  const found = findSection(doc, a.section);
  if (found) {
    const { section, index } = found;
    const anchor = a.quote ? anchorQuote(section.body, a.quote) : null;
    let body: string;
    if (anchor && anchor.kind !== 'unanchored') {
      body = section.body.slice(0, anchor.end) + ' ' + answer + section.body.slice(anchor.end);
      writtenInto = 'quote';
    } else {
      const content = section.body.replace(/\s+$/, '');
      const trailing = section.body.slice(content.length);
      const isList = section.items.length > 0 || /^\s*[-*+] /m.test(content);
      const line = isList ? `- ${answer}` : answer;
      // A list gets one more item; prose gets a new paragraph. Trailing blank lines stay.
      body = content === '' ? line + doc.eol + section.body : content + (isList ? doc.eol : doc.eol + doc.eol) + line + (trailing || doc.eol);
      writtenInto = 'section';
    }
    markdown = composeSpec(doc, new Map([[index, body]]));
  } else if (getTemplate(doc.template).sections.some((s) => s.key === a.section)) {
    markdown = composeSpec(doc, new Map(), new Map([[a.section, answer]]));
    writtenInto = 'new-section';
  } else {
    markdown = source;
    writtenInto = 'clarifications-only';
  }
  return { markdown: addClarificationLine(parseSpec(markdown), a.question.trim(), answer), writtenInto };
}

function addClarificationLine(doc: SpecDocument, question: string, answer: string): string {
  const line = `- **Q:** ${question.replace(/\s*\n\s*/g, ' ')} **A:** ${answer}`;
  const index = doc.sections.findIndex((s) => CLARIFICATIONS.test((s.heading ?? '').trim()));
  if (index !== -1) {
    const body = doc.sections[index].body;
    const content = body.replace(/\s+$/, '');
    const rest = body.slice(content.length);
    return composeSpec(doc, new Map([[index, (content ? content + doc.eol : '') + line + (rest || doc.eol)]]));
  }
  const sections: Array<{ headingRaw: string; body: string }> = [...doc.sections];
  let preamble = doc.preamble;
  const eol = doc.eol;
  // The heading must start on its own line after a blank one, whatever the text before ends with.
  const last = sections.length ? sections[sections.length - 1] : null;
  const before = last ? last.body : preamble;
  const pad = before === '' ? '' : before.endsWith(eol + eol) ? '' : before.endsWith('\n') ? eol : eol + eol;
  if (last) sections[sections.length - 1] = { ...last, body: last.body + pad };
  else preamble += pad;
  sections.push({ headingRaw: `## Clarifications${eol}${eol}`, body: toEol(line, eol) + eol });
  return serializeSpec({ preamble, sections });
}
