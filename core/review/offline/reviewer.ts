import type { SpecDocument, SpecSection } from '../../spec/model.js';
import { findSection } from '../anchor.js';
import type { Finding, FindingDraft } from '../finding.js';
import { SEVERITY_RANK } from '../finding.js';
import { toFinding } from '../identity.js';
import type { Catalogue, CatalogueEntry } from './catalogue.js';
import { httpAuthCatalogue } from './http-auth.js';

/** Catalogues the offline reviewer knows; the first whose domain matches is used. */
export const catalogues: readonly Catalogue[] = [httpAuthCatalogue];

import { OFFLINE_PASS } from '../finding.js';

export { OFFLINE_PASS };

export interface OfflineReview {
  /** The catalogue that matched the spec, or null when none did. */
  domain: string | null;
  /** Catalogue entries the spec already covers (no finding for them). */
  covered: string[];
  findings: Finding[];
}

/** The catalogue for this spec's domain, if any. */
export function detectCatalogue(text: string, from: readonly Catalogue[] = catalogues): Catalogue | null {
  return from.find((c) => c.applies(text)) ?? null;
}

/** Whether the spec text already covers a catalogue concern. */
export function isCovered(entry: CatalogueEntry, text: string): boolean {
  return entry.coveredWhen.every((re) => re.test(text));
}

/**
 * The offline reviewer (FR-9): deterministic findings, shaped like the model's, for each
 * concern of the spec's domain catalogue that the spec text does not cover yet. Same input,
 * same findings, same order (severity, then catalogue order).
 */
export function offlineReview(doc: SpecDocument, from: readonly Catalogue[] = catalogues): OfflineReview {
  const catalogue = detectCatalogue(doc.source, from);
  if (!catalogue) return { domain: null, covered: [], findings: [] };
  const covered: string[] = [];
  const findings: Finding[] = [];
  for (const entry of catalogue.entries) {
    if (isCovered(entry, doc.source)) {
      covered.push(entry.id);
      continue;
    }
    findings.push(toFinding(catalogueDraft(doc, entry), OFFLINE_PASS, { offline: true, rule: `${catalogue.id}/${entry.id}` }));
  }
  findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return { domain: catalogue.id, covered, findings };
}

/** Where a catalogue concern attaches in this spec, as a quote and the text that extends it. */
export function catalogueTarget(doc: SpecDocument, entry: CatalogueEntry): { section: string; quote: string; proposedText: string } {
  const found = findSection(doc, entry.target.section);
  const item = found ? preferredItem(found.section, entry.target.prefer) : null;
  if (item) return { section: entry.target.section, quote: item, proposedText: `${item} ${entry.addition}` };
  return { section: entry.target.section, quote: '', proposedText: newItemLine(doc, found?.section ?? null, entry.target.section, entry.addition) };
}

function catalogueDraft(doc: SpecDocument, entry: CatalogueEntry): FindingDraft {
  const target = catalogueTarget(doc, entry);
  return {
    section: target.section,
    quote: target.quote,
    problem: `${entry.title}: ${entry.problem}`,
    whyAnAgentWouldGuess: entry.whyAnAgentWouldGuess,
    suggestion: entry.suggestion,
    severity: entry.severity,
    proposedText: target.proposedText,
  };
}

/** The text of the first requirement matching one of the patterns, tried in order. */
function preferredItem(section: SpecSection, prefer: RegExp[]): string | null {
  for (const re of prefer) {
    const item = section.items.find((i) => re.test(i.text));
    if (item) return item.text;
  }
  return null;
}

/**
 * A new numbered list line in the style the spec already uses ("- **FR-7:** …" or
 * "- FR-7: …"): the section's own when it has items, else the document's.
 */
export function newItemLine(doc: SpecDocument, section: SpecSection | null, key: string, text: string): string {
  const prefix = key === 'nonFunctional' ? 'NFR' : key === 'acceptance' ? 'AC' : key === 'functional' ? 'FR' : null;
  if (!prefix) return `- ${text}`;
  const numbers = (section?.items ?? []).filter((i) => i.id.startsWith(`${prefix}-`)).map((i) => i.number);
  const next = (numbers.length ? Math.max(...numbers) : 0) + 1;
  const bold = section && section.items.length > 0 ? section.body.includes(`**${prefix}-`) : /\*\*(FR|NFR|AC)-\d/.test(doc.source);
  return bold ? `- **${prefix}-${next}:** ${text}` : `- ${prefix}-${next}: ${text}`;
}
