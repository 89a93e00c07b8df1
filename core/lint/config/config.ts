import { compileLexicon } from '../lexicon.js';
import { ruleIds } from '../rules/index.js';
import type { RuleEnv, RuleMeta } from '../rules/rule.js';
import type { Severity } from '../types.js';
import { JsonSyntaxError, parseJsonWithLocations, pathKey } from './json-locate.js';
import { lintConfigShape, type LintConfigInput } from './schema.js';

export { lintConfigShape, severitySettingSchema, type LintConfigInput, type SeveritySetting } from './schema.js';

export const CONFIG_FILE_NAME = '.specbench.json';

/** `.specbench.json` (FR-9): rules off or at another severity, vague terms added or removed; rule ids checked. */
export const lintConfigSchema = lintConfigShape.superRefine((config, ctx) => {
  for (const id of Object.keys(config.rules ?? {})) {
    if (ruleIds.includes(id)) continue;
    const near = closest(id, ruleIds);
    ctx.addIssue({ code: 'custom', path: ['rules', id], message: `unknown rule id${near ? ` (did you mean "${near}"?)` : ''}` });
  }
});

/** A config file that cannot be used: which file, where, which key, and why. */
export class LintConfigError extends Error {
  override name = 'LintConfigError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    /** Dotted path of the bad key ("rules.ac/wek-modal"), '' when the problem is the file as a whole. */
    readonly key: string,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${key ? `"${key}": ` : ''}${reason}`);
  }
}

/**
 * Parses and validates the text of a config file. Throws `LintConfigError` naming the file,
 * the line and the key for invalid JSON, unknown keys, unknown rule ids and bad values.
 */
export function parseLintConfig(text: string, file: string): LintConfigInput {
  let located;
  try {
    located = parseJsonWithLocations(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new LintConfigError(file, error.line, error.column, error.key, `invalid JSON: ${error.message}`);
    throw error;
  }
  const parsed = lintConfigSchema.safeParse(located.value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path: Array<string | number> = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) path.push(issue.keys[0]);
  let at = located.locations.get(pathKey(path));
  for (let n = path.length - 1; !at && n > 0; n--) at = located.locations.get(pathKey(path.slice(0, n)));
  const reason = issue.code === 'unrecognized_keys' ? `unknown key (allowed: ${allowedKeys(path.slice(0, -1))})` : issue.message;
  throw new LintConfigError(file, at?.line ?? 1, at?.column ?? 1, path.join('.'), reason);
}

function allowedKeys(parent: Array<string | number>): string {
  return parent.length === 0 ? '"$schema", "rules", "vagueTerms", "steps"' : parent[0] === 'vagueTerms' ? '"add", "remove"' : 'rule ids';
}

/** The config one lint run uses: severities by rule and the compiled word lists. */
export interface ResolvedLintConfig {
  /** Identifies the settings; results cached under another key are not reused. */
  key: string;
  input: LintConfigInput;
  severityOf(rule: RuleMeta): Severity | 'off';
  /** True when the config replaces the rule's severity (every finding of the rule then has it). */
  overrides(ruleId: string): boolean;
  env: RuleEnv;
}

export function resolveLintConfig(input: LintConfigInput = {}): ResolvedLintConfig {
  const settings = input.rules ?? {};
  return {
    key: JSON.stringify([settings, input.vagueTerms ?? {}]),
    input,
    severityOf: (rule) => settings[rule.id] ?? rule.severity,
    overrides: (ruleId) => settings[ruleId] !== undefined && settings[ruleId] !== 'off',
    env: { lexicon: compileLexicon(input.vagueTerms) },
  };
}

export const defaultLintConfig: ResolvedLintConfig = resolveLintConfig();

function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(3, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
