import { parseSpec } from '../markdown/parse.js';
import { serializeSpec } from '../markdown/serialize.js';
import { getTemplate } from '../templates/index.js';
import type { SpecDocument } from './model.js';

/** Line endings of `text` converted to the document's, so one file never mixes them. */
export function toEol(text: string, eol: '\n' | '\r\n'): string {
  const lf = text.replace(/\r\n/g, '\n');
  return eol === '\n' ? lf : lf.replace(/\n/g, '\r\n');
}

/**
 * The Markdown of `doc` with one section body replaced. Only that body's bytes change; when
 * the new body lacks a final line ending and a heading follows, one is added so the heading
 * stays a heading.
 */
export function withSectionBody(doc: SpecDocument, index: number, body: string): string {
  const sections = doc.sections.map((s, i) => {
    if (i !== index) return s;
    let next = toEol(body, doc.eol);
    if (i < doc.sections.length - 1 && next.length > 0 && !next.endsWith('\n')) next += doc.eol;
    return { ...s, body: next };
  });
  return serializeSpec({ preamble: doc.preamble, sections });
}

export function replaceSectionBody(doc: SpecDocument, index: number, body: string): SpecDocument {
  return parseSpec(withSectionBody(doc, index, body));
}

/**
 * The Markdown of `doc` with a template section it lacks added, in template order: after the
 * nearest earlier template section present, else before the first later one, else at the end.
 */
export function withTemplateSection(doc: SpecDocument, key: string, body: string): string {
  const template = getTemplate(doc.template);
  const order = template.sections.map((s) => s.key);
  const title = template.sections.find((s) => s.key === key)?.title;
  if (!title) throw new Error(`section ${key} is not in the ${template.name} template`);
  const rank = order.indexOf(key);
  let insertAt = doc.sections.length;
  for (let i = doc.sections.length - 1; i >= 0; i--) {
    const r = order.indexOf(doc.sections[i].key ?? '');
    if (r !== -1 && r < rank) {
      insertAt = i + 1;
      break;
    }
    if (r > rank) insertAt = i;
  }
  const eol = doc.eol;
  let text = toEol(body, eol);
  if (!text.endsWith('\n')) text += eol;
  const added = { headingRaw: `## ${title}${eol}${eol}`, body: text };
  const sections: Array<{ headingRaw: string; body: string }> = [...doc.sections];
  // The text before the new heading must end its line, or the heading would not be one.
  const before = insertAt === 0 ? null : sections[insertAt - 1];
  let preamble = doc.preamble;
  if (before && !before.body.endsWith('\n')) sections[insertAt - 1] = { ...before, body: before.body + eol + eol };
  else if (!before && preamble.length > 0 && !preamble.endsWith('\n')) preamble += eol;
  sections.splice(insertAt, 0, added);
  return serializeSpec({ preamble, sections });
}
