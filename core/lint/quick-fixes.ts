import { getRule } from './rules/index.js';
import type { QuickFix } from './rules/rule.js';
import type { Finding } from './types.js';

export type { QuickFix, TextEdit } from './rules/rule.js';

/**
 * The mechanical rewrites for a finding (FR-8): weak modal → "must", a placeholder for a
 * missing status code, an escape clause or "etc." removed. `text` is the item text the
 * finding's offsets refer to; the edits use the same offsets. Empty when no fix exists.
 */
export function quickFixes(finding: Pick<Finding, 'rule' | 'start' | 'end'> & Partial<Finding>, text: string): QuickFix[] {
  const rule = getRule(finding.rule);
  if (!rule || rule.level !== 'item' || !rule.fixes) return [];
  const full: Finding = { severity: rule.severity, message: '', ...finding };
  return rule.fixes(full, text);
}
