export { lintSpec, type LintOptions } from './engine.js';
export { lintItemText } from './lint-item.js';
export { LintCache, createLintCache, type ItemResult } from './cache.js';
export { quickFixes, type QuickFix, type TextEdit } from './quick-fixes.js';
export { rules, ruleIds, getRule, ruleMetadata } from './rules/index.js';
export type { RuleMeta } from './rules/rule.js';
export {
  CONFIG_FILE_NAME,
  LintConfigError,
  defaultLintConfig,
  lintConfigSchema,
  lintConfigShape,
  parseLintConfig,
  resolveLintConfig,
  severitySettingSchema,
  type LintConfigInput,
  type ResolvedLintConfig,
} from './config/config.js';
export { positionIn } from './positions.js';
export { toLintJson, type LintJson } from './output/json.js';
export { toSarif, type SarifOptions } from './output/sarif.js';
export { formatLintText } from './output/text.js';
export type * from './types.js';
