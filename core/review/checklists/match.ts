import { BUILTIN_DOMAINS, type DomainDefinition } from '../domains/catalog.js';
import { classifyDomains, type DomainClassification } from '../domains/classify.js';
import { GENERAL_DOMAIN, type Checklist, type ChecklistItem } from './checklist-file.js';

export type Coverage = 'present' | 'partial' | 'missing';

export interface ItemCoverage {
  status: Coverage;
  covered: string[];
  missing: string[];
}

/** How far the spec covers one item: every concept (present), some (partial) or none (missing). */
export function itemCoverage(item: ChecklistItem, lowerText: string): ItemCoverage {
  const covered: string[] = [];
  const missing: string[] = [];
  for (const concept of item.concepts) {
    if (concept.terms.some((t) => t.count(lowerText, 1) > 0)) covered.push(concept.name);
    else missing.push(concept.name);
  }
  const status: Coverage = missing.length === 0 ? 'present' : covered.length === 0 ? 'missing' : 'partial';
  return { status, covered, missing };
}

/**
 * The domains the classifier knows: the built-in ones, plus any a checklist file defines with
 * its own `detect` terms (that is how a team adds a domain with one file, NFR-3).
 */
export function domainDefinitions(checklists: readonly Checklist[]): DomainDefinition[] {
  const defs = [...BUILTIN_DOMAINS];
  for (const c of checklists) {
    if (c.domain === GENERAL_DOMAIN || !c.detect || defs.some((d) => d.id === c.domain)) continue;
    defs.push({ id: c.domain, title: c.title, terms: c.detect, threshold: c.threshold ?? 7 });
  }
  return defs;
}

/** Classifies a spec against the built-in domains and those the checklist files add. */
export function classifyWithChecklists(text: string, frontMatter: Record<string, unknown> | null, checklists: readonly Checklist[]): DomainClassification {
  return classifyDomains(text, frontMatter, domainDefinitions(checklists));
}

/** The checklists that apply: the general one always, then one per domain of the spec. */
export function checklistsFor(domains: readonly string[], checklists: readonly Checklist[]): Checklist[] {
  const general = checklists.filter((c) => c.domain === GENERAL_DOMAIN);
  return [...general, ...domains.flatMap((d) => checklists.filter((c) => c.domain === d))];
}

/** About 2 k tokens at roughly 3.5 characters a token (NFR-2): the most a pass may add. */
export const CHECKLIST_BUDGET_CHARS = 7000;

/**
 * The checklists as text for the model, placed after the cached spec block. Only what helps
 * the model judge (question, why an agent would guess, suggested requirement); the match
 * terms are for the offline reviewer. Items beyond the budget are left out, and the text says so.
 */
export function renderChecklistBlock(applicable: readonly Checklist[], budget = CHECKLIST_BUDGET_CHARS): string {
  if (applicable.length === 0) return '';
  const head = [
    'Checklists for the kinds of feature this spec touches. Use them as prompts for what tends to go wrong, not as findings: raise an item only when this spec leaves it open, and quote the spec where it does.',
  ];
  let used = head[0].length;
  const out = [...head];
  let dropped = 0;
  for (const c of applicable) {
    const title = `\n## ${c.title} (${c.domain})`;
    const lines: string[] = [];
    for (const item of c.items) {
      const line = `- [${c.domain}/${item.id}] ${item.question} Why agents guess wrong: ${item.why} Suggested requirement: ${item.requirement}`;
      if (used + title.length + line.length + 1 > budget) {
        dropped++;
        continue;
      }
      if (lines.length === 0) used += title.length;
      lines.push(line);
      used += line.length + 1;
    }
    if (lines.length) out.push(title, ...lines);
  }
  if (dropped) out.push(`\n(${dropped} further checklist item(s) left out to stay within the prompt budget.)`);
  return out.join('\n');
}
