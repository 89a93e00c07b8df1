/** Normalized text and, for each of its characters, the offset it came from in the original. */
export interface NormalizedText {
  text: string;
  map: number[];
}

const FOLD: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
};

/**
 * Markdown emphasis and code marks a model tends to drop or add when quoting
 * ("FR-1: The system" for "**FR-1:** The system"). Dropped on both sides, so matching stays
 * exact on the words while the map still points into the original text.
 */
const DROPPED = new Set([0x2a /* * */, 0x60 /* ` */]);

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x3000;
}

/**
 * Lower-cases, folds typographic quotes and dashes, drops emphasis marks and collapses every
 * whitespace run to one space, remembering where each kept character came from.
 */
export function normalizeWithMap(source: string): NormalizedText {
  const out: string[] = [];
  const map: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (isSpace(code)) {
      if (pendingSpace === -1) pendingSpace = i;
      continue;
    }
    if (DROPPED.has(code)) continue;
    if (pendingSpace !== -1) {
      if (out.length > 0) {
        out.push(' ');
        map.push(pendingSpace);
      }
      pendingSpace = -1;
    }
    if (code < 0x80) {
      // ASCII fast path: only upper-case letters change.
      out.push(code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : source[i]);
      map.push(i);
      continue;
    }
    const folded = (FOLD[source[i]] ?? source[i]).toLowerCase();
    for (let k = 0; k < folded.length; k++) {
      out.push(folded[k]);
      map.push(i);
    }
  }
  return { text: out.join(''), map };
}

/** Normalized form alone, for keys (duplicate detection, version matching). */
export function normalizeText(source: string): string {
  return normalizeWithMap(source).text;
}
