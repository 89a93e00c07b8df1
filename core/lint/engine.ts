import type { ItemKind, SpecDocument } from '../spec/model.js';
import { analyzeItem } from './analyze.js';
import { LintCache, type ItemResult } from './cache.js';
import { defaultLintConfig, type ResolvedLintConfig } from './config/config.js';
import { itemFacts } from './facts/item-facts.js';
import { lintItemText } from './lint-item.js';
import { positionIn } from './positions.js';
import { computeReadiness } from './readiness.js';
import { frCoverage } from './rules/cross/coverage.js';
import { specRules } from './rules/index.js';
import type { ItemView, RowView, SpecHit, SpecView } from './rules/rule.js';
import type { CrossFinding, ItemReport, LintReport, Place } from './types.js';

export interface LintOptions {
  config?: ResolvedLintConfig;
  /**
   * Keep one cache per open document and pass it to every run: unchanged items are not
   * linted again. Without it every item is linted.
   */
  cache?: LintCache;
}

/** Findings listed per spec-level rule; the rest become one "… and N more" finding. */
export const MAX_FINDINGS_PER_RULE = 50;
/** Hits counted past the cap before counting stops: a quadratic rule must not run to the end just to be counted. */
const MAX_COUNTED_PER_RULE = 10_000;

/**
 * The first MAX_FINDINGS_PER_RULE hits and how many follow them. Pulling stops once
 * MAX_COUNTED_PER_RULE more were seen, so a generator rule does bounded work whatever the spec.
 */
function takeCapped(hits: Iterable<SpecHit>): { kept: SpecHit[]; more: number; moreIsExact: boolean; firstMore: SpecHit | null } {
  const kept: SpecHit[] = [];
  let more = 0;
  let firstMore: SpecHit | null = null;
  for (const h of hits) {
    if (kept.length < MAX_FINDINGS_PER_RULE) {
      kept.push(h);
      continue;
    }
    firstMore ??= h;
    if (++more >= MAX_COUNTED_PER_RULE) return { kept, more, moreIsExact: false, firstMore };
  }
  return { kept, more, moreIsExact: true, firstMore };
}

const CHECKBOX_BEFORE = /\[[ xX]\][ \t]*(?:\*\*|__)?[ \t]*$/;

/**
 * Lints a parsed spec: every FR, NFR and AC on its own (FR-1…FR-4), then the cross-section
 * checks over the whole document (FR-5) and the readiness score (FR-6). Pure TypeScript: runs
 * in the CLI, the host and the editor's Web Worker alike.
 */
export function lintSpec(doc: SpecDocument, options: LintOptions = {}): LintReport {
  const config = options.config ?? defaultLintConfig;
  const cache = options.cache ?? new LintCache();
  cache.useConfig(config.key);

  const items: ItemView[] = [];
  const rows: RowView[] = [];
  const sectionIndex = new Map<string, number>();
  doc.sections.forEach((section, s) => {
    if (section.key && !sectionIndex.has(section.key)) sectionIndex.set(section.key, s);
    for (const item of section.items) {
      // A delta's REMOVED and RENAMED blocks say what goes away, not what the system must do.
      if (item.delta === 'removed' || item.delta === 'renamed') continue;
      const docOffset = section.bodyStart + item.start;
      const lineStart = doc.source.lastIndexOf('\n', docOffset - 1) + 1;
      const checkbox = CHECKBOX_BEFORE.test(doc.source.slice(lineStart, docOffset));
      const key = `${item.kind}\u0001${checkbox ? 1 : 0}\u0001${item.text}`;
      let result = cache.get(key);
      if (!result) {
        result = lintItemText(item.text, item.kind, config, checkbox);
        cache.set(key, result);
      }
      items.push({ item, section: s, facts: result.facts, report: toReport(item, s, result) });
    }
    if (section.key === 'edgeCases') {
      for (const row of section.rows ?? []) {
        const text = Object.values(row.cells).join('\n');
        const key = `row\u0001${text}`;
        let result = cache.get(key);
        if (!result) {
          result = { findings: [], score: 100, facts: itemFacts(analyzeItem(text, 'fr')) };
          cache.set(key, result);
        }
        rows.push({ row, section: s, facts: result.facts });
      }
    }
  });

  const byKind: Record<ItemKind, ItemView[]> = { fr: [], nfr: [], ac: [] };
  for (const view of items) byKind[view.item.kind].push(view);
  const spec: SpecView = {
    doc,
    items,
    byKind,
    rows,
    sectionIndex,
    itemPlace: (view, start, end): Place => {
      if (start === undefined || start < 0) return { kind: 'item', id: view.item.id, line: view.item.line, column: view.item.column };
      const at = positionIn(view.item.text, view.item.line, view.item.column, start);
      return { kind: 'item', id: view.item.id, line: at.line, column: at.column, start, end: end ?? start };
    },
    rowPlace: (view) => ({ kind: 'row', scenario: view.row.scenario, line: view.row.line, column: 1 }),
    sectionPlace: (index) => {
      const section = doc.sections[index];
      const headingLines = (section.headingRaw.match(/\n/g) ?? []).length;
      return { kind: 'section', key: section.key ?? '', heading: section.heading, line: Math.max(1, section.bodyLine - headingLines), column: 1 };
    },
  };

  const crossFindings: CrossFinding[] = [];
  for (const rule of specRules) {
    const setting = config.severityOf(rule);
    if (setting === 'off') continue;
    const forced = config.overrides(rule.id);
    const severityOf = (h: SpecHit) => (forced ? setting : (h.severity ?? rule.severity));
    const { kept, more, moreIsExact, firstMore } = takeCapped(rule.check(spec, config.env));
    for (const h of kept) {
      const finding: CrossFinding = { rule: rule.id, severity: severityOf(h), message: h.message, places: h.places };
      if (h.suggestion) finding.suggestion = h.suggestion;
      crossFindings.push(finding);
    }
    if (firstMore) {
      const count = moreIsExact ? more.toLocaleString('en-US') : `more than ${more.toLocaleString('en-US')}`;
      crossFindings.push({
        rule: rule.id,
        severity: severityOf(firstMore),
        message: `… and ${count} more ${rule.title.toLowerCase()} findings (only the first ${MAX_FINDINGS_PER_RULE} are listed).`,
        places: firstMore.places.slice(0, 1),
      });
    }
  }

  const readiness = computeReadiness(spec, frCoverage(spec), crossFindings);
  const counts = { errors: 0, warnings: 0, infos: 0 };
  const count = (severity: string) => {
    if (severity === 'error') counts.errors++;
    else if (severity === 'warning') counts.warnings++;
    else counts.infos++;
  };
  for (const view of items) for (const f of view.report.findings) count(f.severity);
  for (const f of crossFindings) count(f.severity);
  cache.endRun();
  return { items: items.map((v) => v.report), crossFindings, readiness, counts };
}

function toReport(item: SpecDocument['sections'][number]['items'][number], section: number, result: ItemResult): ItemReport {
  const report: ItemReport = {
    id: item.id,
    kind: item.kind,
    text: item.text,
    score: result.score,
    findings: result.findings as ItemReport['findings'],
    line: item.line,
    column: item.column,
    section,
    start: item.start,
    end: item.end,
  };
  if (result.binary !== undefined) report.binary = result.binary;
  if (result.style !== undefined) report.style = result.style;
  return report;
}
