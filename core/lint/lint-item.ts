import type { ItemKind } from '../spec/model.js';
import { analyzeItem } from './analyze.js';
import type { ItemResult } from './cache.js';
import { defaultLintConfig, type ResolvedLintConfig } from './config/config.js';
import { itemFacts } from './facts/item-facts.js';
import { itemRules } from './rules/index.js';
import { scoreFindings } from './score.js';
import type { Finding } from './types.js';

const BLANK = /^\s*(?:\[[ xX]\]\s*)?$/;

/**
 * Lints one FR, NFR or AC text on its own: findings, verdict, score, style and the facts the
 * cross-section checks need. Pure; the engine caches it by text.
 */
export function lintItemText(text: string, kind: ItemKind, config: ResolvedLintConfig = defaultLintConfig, checkbox = false): ItemResult {
  const item = analyzeItem(text, kind, checkbox);
  const blank = BLANK.test(text);
  const findings: Finding[] = [];
  for (const rule of itemRules) {
    if (rule.appliesTo !== kind) continue;
    if (blank !== Boolean(rule.onEmpty)) continue;
    if (rule.english && !item.english) continue;
    const setting = config.severityOf(rule);
    if (setting === 'off') continue;
    const forced = config.overrides(rule.id);
    for (const h of rule.check(item, config.env)) {
      const finding: Finding = { rule: rule.id, severity: forced ? setting : (h.severity ?? rule.severity), message: h.message, start: h.start, end: h.end };
      if (h.suggestion) finding.suggestion = h.suggestion;
      findings.push(finding);
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  const result: ItemResult = { findings, score: scoreFindings(findings), facts: itemFacts(item) };
  if (kind === 'ac') {
    // FR-7: text the rules cannot read is "not checked" (binary left undefined), never a pass,
    // so it earns no readiness credit — whatever the config says about the language rule.
    if (item.english) result.binary = !findings.some((f) => f.severity === 'error');
    result.style = item.structure.style;
  }
  return result;
}
