import { useMemo } from 'react';
import { classifyDomains, domainTitle } from '../../../core/review/domains/classify.js';
import { useWorkbench } from '../state/store.js';

/**
 * The domains the review will use for this spec (FR-1): the built-in classifier, or the
 * `domains:` front matter. Derived from the text like the lint results, so it follows every
 * edit; the scores and any front-matter warning are in the tooltip.
 */
export function DomainBadge() {
  const doc = useWorkbench((s) => s.doc);
  const result = useMemo(() => classifyDomains(doc.source, doc.frontMatter), [doc.source, doc.frontMatter]);
  const names = result.domains.map((d) => domainTitle(d));
  const label = names.length ? names.join(' · ') : 'No domain detected: general checklist only';
  const scores = Object.entries(result.scores)
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([id, v]) => `${id}: ${v}`)
    .join(', ');
  const title = [
    result.source === 'front-matter' ? 'Domains set in front matter (domains: [...])' : 'Domains detected from the text; set them with domains: [...] in front matter',
    ...result.warnings,
    scores ? `Scores: ${scores}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <span className={`domains${result.warnings.length ? ' domains-warning' : ''}`} title={title} data-testid="spec-domains" data-domains={result.domains.join(',')}>
      {result.warnings.length ? '⚠ ' : ''}
      {label}
    </span>
  );
}
