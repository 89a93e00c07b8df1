import { templates, type SpecTemplate, type TemplateId } from '../templates/index.js';

/**
 * "## 3. Functional Requirements", "## Edge Cases & Error Handling", "## NON-FUNCTIONAL
 * REQUIREMENTS:" all reduce to the same words, so authors' numbering and styling habits do
 * not decide which pane a section lands in.
 */
export function normalizeHeading(heading: string): string {
  return heading
    .toLowerCase()
    // spec-kit marks sections "*(mandatory)*" or "*(optional)*": not part of the name.
    .replace(/\*?\((?:mandatory|optional)\)\*?/g, '')
    .replace(/^\s*(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])[.)]\s+/, '')
    .replace(/^\s*\d+\s+/, '')
    .replace(/&/g, ' and ')
    .replace(/[-‐‑–—_/]/g, ' ')
    .replace(/[^\p{L}\p{N} ]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const lookup = new Map<TemplateId, Map<string, string>>(
  templates.map((t) => [t.id, sectionLookup(t)]),
);

function sectionLookup(template: SpecTemplate): Map<string, string> {
  const map = new Map<string, string>();
  for (const section of template.sections) {
    for (const name of [section.title, ...section.aliases]) map.set(normalizeHeading(name), section.key);
  }
  return map;
}

/** The template section key a heading means, or null. */
export function matchSection(templateId: TemplateId, heading: string): string | null {
  return lookup.get(templateId)?.get(normalizeHeading(heading)) ?? null;
}
