import { serializeSpec } from '../markdown/serialize.js';
import { getTemplate } from '../templates/index.js';
import type { SpecDocument } from './model.js';

/** Line endings of `text` converted to the document's, so one file never mixes them. */
export function toEol(text: string, eol: '\n' | '\r\n'): string {
  const lf = text.replace(/\r\n/g, '\n');
  return eol === '\n' ? lf : lf.replace(/\n/g, '\r\n');
}

interface Part {
  key: string | null;
  headingRaw: string;
  body: string;
}

interface Layout {
  preamble: string;
  sections: Part[];
}

/**
 * The Markdown of `doc` with section bodies replaced (by section index) and template sections
 * it lacks added (by key). Only edited bytes change, with two repairs that keep headings
 * headings: an edited body gets a final line ending when a section follows, and text before
 * an added heading ends its line.
 */
export function composeSpec(
  doc: SpecDocument,
  bodies: ReadonlyMap<number, string> = new Map(),
  added: ReadonlyMap<string, string> = new Map(),
): string {
  const layout: Layout = {
    preamble: doc.preamble,
    sections: doc.sections.map((s, i) => {
      const edited = bodies.get(i);
      if (edited === undefined) return { key: s.key, headingRaw: s.headingRaw, body: s.body };
      let body = toEol(edited, doc.eol);
      if (i < doc.sections.length - 1 && body.length > 0 && !body.endsWith('\n')) body += doc.eol;
      // A heading on the file's last line has no line ending; text typed under it needs one.
      const headingRaw = s.headingRaw && body && !s.headingRaw.endsWith('\n') ? s.headingRaw + doc.eol : s.headingRaw;
      return { key: s.key, headingRaw, body };
    }),
  };
  for (const [key, body] of added) if (body.trim()) insertTemplateSection(layout, doc, key, body);
  return serializeSpec(layout);
}

/** Adds a template section in template order: after the nearest earlier one present, else before the first later one. */
function insertTemplateSection(layout: Layout, doc: SpecDocument, key: string, body: string): void {
  const template = getTemplate(doc.template);
  const order = template.sections.map((s) => s.key);
  const title = template.sections.find((s) => s.key === key)?.title;
  if (!title) throw new Error(`section ${key} is not in the ${template.name} template`);
  const rank = order.indexOf(key);
  const sections = layout.sections;
  let insertAt = sections.length;
  for (let i = sections.length - 1; i >= 0; i--) {
    const r = order.indexOf(sections[i].key ?? '');
    if (r !== -1 && r < rank) {
      insertAt = i + 1;
      break;
    }
    if (r > rank) insertAt = i;
  }
  const eol = doc.eol;
  let text = toEol(body, eol);
  if (!text.endsWith('\n')) text += eol;
  const before = insertAt === 0 ? null : sections[insertAt - 1];
  if (before && !before.body.endsWith('\n')) before.body += eol;
  else if (!before && layout.preamble.length > 0 && !layout.preamble.endsWith('\n')) layout.preamble += eol;
  // A blank line before the heading reads better and is what authors write.
  const prev = before ? before.body : layout.preamble;
  const gap = prev.length > 0 && !prev.endsWith(`${eol}${eol}`) && !prev.endsWith('\n\n') ? eol : '';
  if (before) before.body += gap;
  else layout.preamble += gap;
  sections.splice(insertAt, 0, { key, headingRaw: `## ${title}${eol}${eol}`, body: text });
}

/**
 * Gives a headingless or unknown section a template heading, e.g. when a file with no "##"
 * headings is mapped to Context. Only the heading changes; the body stays as written.
 */
export function mapSectionToTemplate(doc: SpecDocument, index: number, key: string): string {
  const title = getTemplate(doc.template).sections.find((s) => s.key === key)?.title;
  if (!title) throw new Error(`section ${key} is not in the template`);
  const sections = doc.sections.map((s, i) =>
    i === index ? { headingRaw: `## ${title}${doc.eol}${s.headingRaw ? '' : doc.eol}`, body: s.body } : s,
  );
  let preamble = doc.preamble;
  if (index === 0 && preamble.length > 0 && !preamble.endsWith('\n')) preamble += doc.eol;
  return serializeSpec({ preamble, sections });
}
