import type { SpecDocument } from './model.js';

/** Front-matter fields the title bar edits; `title` also renames the H1. */
export type MetaField = 'title' | 'status' | 'author' | 'date';

const FIELD_NAME = /^[A-Za-z][\w-]*$/;

/** A YAML scalar for `value`: plain when that reads back as the same string, else double-quoted. */
export function yamlScalar(value: string): string {
  const plain = /^[A-Za-z0-9][\w .,/()'+-]*$/.test(value) && !/[:#]\s|\s$/.test(value) && !/^(true|false|null|yes|no|on|off|~|[-+]?[\d.]+(e[-+]?\d+)?)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/**
 * The document's Markdown with one front-matter field set (added when missing, the block created
 * when there is none) and, for `title`, the first H1 of the preamble renamed too. Only the
 * preamble changes: every section's bytes stay exactly as they were.
 */
export function setMetaField(doc: SpecDocument, field: string, value: string): string {
  if (!FIELD_NAME.test(field)) throw new Error(`"${field}" is not a front-matter field name`);
  if (/[\r\n]/.test(value)) throw new Error(`the ${field} must be one line`);
  const eol = doc.eol;
  const rest = doc.source.slice(doc.preamble.length);
  const preamble = doc.preamble;
  let front: string;
  let body = preamble;
  const line = `${field}: ${yamlScalar(value.trim())}`;
  const block = /^(\uFEFF?---[ \t]*\r?\n)((?:[^\r\n]*\r?\n)*?)---[ \t]*(?:\r?\n|$)/.exec(preamble);
  if (block) {
    const open = block[1];
    const inner = block[2];
    const fieldLine = new RegExp(`^${field}:[^\\r\\n]*`, 'm');
    const edited = fieldLine.test(inner) ? inner.replace(fieldLine, line) : `${inner}${line}${eol}`;
    front = open + edited + preamble.slice(open.length + inner.length, block[0].length);
    body = preamble.slice(block[0].length);
  } else {
    front = `---${eol}${line}${eol}---${eol}${preamble.length > 0 ? eol : ''}`;
  }
  // The H1 is searched after the front matter only: a YAML comment also starts with "# ".
  if (field === 'title') body = body.replace(/^#[ \t]+[^\r\n]*/m, `# ${value.trim()}`);
  return front + body + rest;
}

/**
 * The document's Markdown without one front-matter field (the block itself stays, even when it
 * becomes empty). Only the preamble changes; a document without the field comes back as it is.
 */
export function removeMetaField(doc: SpecDocument, field: string): string {
  if (!FIELD_NAME.test(field)) throw new Error(`"${field}" is not a front-matter field name`);
  const block = /^(\uFEFF?---[ \t]*\r?\n)((?:[^\r\n]*\r?\n)*?)---[ \t]*(?:\r?\n|$)/.exec(doc.preamble);
  if (!block) return doc.source;
  const inner = block[2];
  const without = inner.replace(new RegExp(`^${field}:[^\\r\\n]*\\r?\\n`, 'm'), '');
  if (without === inner) return doc.source;
  return block[1] + without + doc.source.slice(block[1].length + inner.length);
}
