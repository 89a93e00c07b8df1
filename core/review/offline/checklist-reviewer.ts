import type { SpecDocument, SpecSection } from '../../spec/model.js';
import { getTemplate } from '../../templates/index.js';
import { findSection } from '../anchor.js';
import type { Checklist, ChecklistItem } from '../checklists/checklist-file.js';
import { itemCoverage, type Coverage } from '../checklists/match.js';
import type { CompiledTerm } from '../domains/terms.js';
import type { Finding } from '../finding.js';
import { SEVERITY_RANK } from '../finding.js';
import { toFinding } from '../identity.js';
import { newItemLine, OFFLINE_PASS } from './reviewer.js';

/** What the checklist reviewer decided for one item, kept for the eval report and tests. */
export interface ItemVerdict {
  rule: string;
  status: Coverage;
}

export interface ChecklistReview {
  findings: Finding[];
  verdicts: ItemVerdict[];
}

/** The rule id a checklist item's findings carry: `checklist/<domain>/<item>`. */
export function checklistRule(domain: string, itemId: string): string {
  return `checklist/${domain}/${itemId}`;
}

/**
 * The offline reviewer over checklists (FR-2): each item of each applicable checklist is
 * matched against the spec text; present items are silent, partial and missing ones become
 * findings anchored in the section the item belongs in. Only the checklists passed in are
 * consulted, so a spec never hears about a domain it is not in.
 */
export function reviewWithChecklists(doc: SpecDocument, applicable: readonly Checklist[]): ChecklistReview {
  const lower = doc.source.toLowerCase();
  const findings: Finding[] = [];
  const verdicts: ItemVerdict[] = [];
  for (const checklist of applicable) {
    for (const item of checklist.items) {
      const rule = checklistRule(checklist.domain, item.id);
      const coverage = itemCoverage(item, lower);
      verdicts.push({ rule, status: coverage.status });
      if (coverage.status === 'present') continue;
      const target = targetFor(doc, item);
      const problem =
        coverage.status === 'missing'
          ? `${checklist.title}: ${item.question}`
          : `${checklist.title}: ${item.question} (partly covered: the spec mentions ${list(coverage.covered)} but not ${list(coverage.missing)})`;
      findings.push(
        toFinding(
          {
            section: target.section,
            quote: target.quote,
            problem,
            whyAnAgentWouldGuess: item.why,
            suggestion: item.requirement,
            // A partly covered item is one step less urgent than a missing one.
            severity: coverage.status === 'partial' && item.severity === 'high' ? 'medium' : coverage.status === 'partial' && item.severity === 'medium' ? 'low' : item.severity,
            proposedText: target.proposedText,
          },
          OFFLINE_PASS,
          { offline: true, rule },
        ),
      );
    }
  }
  findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return { findings, verdicts };
}

function list(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Where a six-part section's concerns live in a Product Ops spec. */
const PRODUCT_OPS_HOME: Record<string, string> = {
  context: 'background',
  problem: 'background',
  functional: 'design',
  edgeCases: 'design',
  acceptance: 'design',
  nonFunctional: 'performance',
};

/**
 * The section key to anchor in: the first of the item's sections the spec has, else the first
 * its template has (six-part keys mapped onto Product Ops ones), else the first listed.
 */
function sectionKey(doc: SpecDocument, item: ChecklistItem): string {
  const present = item.sections.find((key) => findSection(doc, key));
  if (present) return present;
  const keys = getTemplate(doc.template).sections.map((s) => s.key);
  const inTemplate = item.sections.find((key) => keys.includes(key));
  if (inTemplate) return inTemplate;
  const mapped = doc.template === 'product-ops' ? PRODUCT_OPS_HOME[item.sections[0]] : undefined;
  return mapped ?? item.sections[0];
}

function matches(text: string, term: CompiledTerm): boolean {
  return term.count(text.toLowerCase(), 1) > 0;
}

/**
 * Where an item attaches, so every finding has a place: in the first of the item's sections
 * the spec has that offers something to quote, the first requirement (or, in sections
 * without numbered items, the first line) one of its anchor terms matches, extended with the
 * suggested requirement; failing that, the section's last requirement followed by a new
 * numbered one, or its last line extended. A section holding only a table is passed over.
 * Only when nothing can be quoted does the finding carry an empty quote and a new line.
 */
function targetFor(doc: SpecDocument, item: ChecklistItem): { section: string; quote: string; proposedText: string } {
  const key = sectionKey(doc, item);
  for (const candidate of [key, ...item.sections.filter((k) => k !== key)]) {
    const found = findSection(doc, candidate);
    if (!found) continue;
    const place = quotable(doc, found.section, candidate, item);
    if (place) return { section: candidate, ...place };
  }
  const found = findSection(doc, key);
  return { section: key, quote: '', proposedText: newItemLine(doc, found?.section ?? null, key, item.requirement) };
}

function quotable(doc: SpecDocument, section: SpecSection, key: string, item: ChecklistItem): { quote: string; proposedText: string } | null {
  const unique = (text: string) => section.body.indexOf(text) === section.body.lastIndexOf(text);
  const items = section.items.filter((i) => i.text.trim() !== '' && unique(i.text));
  for (const term of item.anchor) {
    const req = items.find((i) => matches(i.text, term));
    if (req) return { quote: req.text, proposedText: `${req.text} ${item.requirement}` };
  }
  if (items.length > 0) {
    const last = items[items.length - 1];
    return { quote: last.text, proposedText: `${last.text}\n${newItemLine(doc, section, key, item.requirement)}` };
  }
  const lines = section.body
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim())
    .filter((l) => l.length >= 12 && !l.startsWith('|') && !l.startsWith('#') && unique(l));
  for (const term of item.anchor) {
    const line = lines.find((l) => matches(l, term));
    if (line) return { quote: line, proposedText: `${line} ${item.requirement}` };
  }
  const last = lines[lines.length - 1];
  return last ? { quote: last, proposedText: `${last} ${item.requirement}` } : null;
}
