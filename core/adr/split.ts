import type { AdrSection } from './model.js';

/** Lines with their endings kept, so slices re-join to the exact input. */
export function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * Splits a record into the text before its first `## ` heading and one block per `## ` heading,
 * ignoring headings inside fenced code. Joining `preamble` and every `headingLine + body` gives
 * back the input byte for byte.
 */
export function splitSections(text: string): { preamble: string; sections: AdrSection[] } {
  const lines = linesOf(text);
  let preamble = '';
  const sections: AdrSection[] = [];
  let fence: string | null = null;
  let inFrontMatter = lines[0]?.replace(/\r?\n$/, '') === '---';
  lines.forEach((line, i) => {
    const bare = line.replace(/\r?\n$/, '');
    if (inFrontMatter && i > 0 && (bare === '---' || bare === '...')) {
      inFrontMatter = false;
      add(line);
      return;
    }
    if (!inFrontMatter) {
      const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(bare);
      if (fenceMatch) {
        if (fence === null) fence = fenceMatch[1][0];
        else if (fenceMatch[1][0] === fence) fence = null;
      } else if (fence === null) {
        const heading = /^##\s+(.*?)\s*#*\s*$/.exec(bare);
        if (heading && !bare.startsWith('###')) {
          sections.push({ heading: heading[1], headingLine: line, body: '' });
          return;
        }
      }
    }
    add(line);
  });
  function add(line: string) {
    const last = sections.at(-1);
    if (last) last.body += line;
    else preamble += line;
  }
  return { preamble, sections };
}

export function joinSections(preamble: string, sections: AdrSection[]): string {
  return preamble + sections.map((s) => s.headingLine + s.body).join('');
}

/** The front matter block (`---` … `---`) at the start of a text, with its YAML and its exact extent. */
export function frontMatterOf(text: string): { yaml: string; end: number } | null {
  const m = /^---\r?\n([\s\S]*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m.exec(text);
  if (!m || m.index !== 0) return null;
  return { yaml: m[1], end: m[0].length };
}
