import { matchSection } from '../markdown/heading-match.js';
import { templateByFormat, templates, type TemplateId } from '../templates/index.js';

export interface HeadingInfo {
  depth: number;
  text: string;
}

export interface DetectedFormat {
  template: TemplateId;
  source: 'detected' | 'front-matter' | 'override';
}

/**
 * The format of a document (FR-1 of issue 11): the caller's choice, else front matter
 * `format:` or `template:`, else the template whose H2 sections and tell-tale headings the
 * document matches best. Pure and data-driven: every pattern lives in `core/templates/`.
 */
export function detectFormat(headings: readonly HeadingInfo[], frontMatter: Record<string, unknown> | null, override?: string): DetectedFormat {
  const forced = templateByFormat(override);
  if (forced) return { template: forced.id, source: 'override' };
  const named = templateByFormat(frontMatter?.format) ?? templateByFormat(frontMatter?.template);
  if (named) return { template: named.id, source: 'front-matter' };
  return { template: scoreFormats(headings)[0].template, source: 'detected' };
}

/** Every template with its score, best first (ties keep template order, so the six-part spec wins a tie). */
export function scoreFormats(headings: readonly HeadingInfo[]): Array<{ template: TemplateId; score: number }> {
  const h2 = headings.filter((h) => h.depth === 2).map((h) => h.text);
  const scored = templates.map((template, order) => {
    const keys = new Set(h2.map((h) => matchSection(template.id, h)).filter((k) => k !== null));
    let score = keys.size;
    for (const signal of template.signals ?? []) {
      if (headings.some((h) => h.depth === signal.depth && signal.pattern.test(h.text))) score += signal.weight;
    }
    return { template: template.id, score, order };
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map(({ template, score }) => ({ template, score }));
}
