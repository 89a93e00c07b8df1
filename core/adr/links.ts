import type { AdrLink, AdrLinkKind } from './model.js';

const LINK = /\b(supersedes|superseded by|superceded by|amends|amended by)\s*:?\s*\[([^\]]*)\]\(([^)\s]+)\)/gi;

function kindOf(words: string): AdrLinkKind {
  const w = words.toLowerCase().replace('superceded', 'superseded');
  if (w === 'supersedes') return 'supersedes';
  if (w === 'superseded by') return 'superseded-by';
  if (w === 'amends') return 'amends';
  return 'amended-by';
}

/** Every `Supersedes [..](..)`, `Superseded by [..](..)`, `Amends …`, `Amended by …` link in a text. */
export function readLinks(text: string): AdrLink[] {
  const links: AdrLink[] = [];
  for (const m of text.matchAll(LINK)) links.push({ kind: kindOf(m[1]), label: m[2], target: m[3] });
  return links;
}

/** A markdown list of targets for a front matter value: `[ADR-0001](0001-x.md)`. */
export function linkMarkdown(link: AdrLink): string {
  return `[${link.label}](${link.target})`;
}

/** Links in order, each (kind, target) once. */
export function dedupeLinks(links: AdrLink[]): AdrLink[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    const key = `${l.kind} ${l.target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
