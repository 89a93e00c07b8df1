import { lintItemText, resolveLintConfig, rules } from '../../core/lint/index.js';
import { measureAccuracy, type CorpusEntry, type Verdict } from './accuracy-metrics.js';

/** The linter's verdict with one rule turned off: what the rule is worth. */
export function verdictWithout(ruleId: string): Verdict {
  const config = resolveLintConfig({ rules: { [ruleId]: 'off' } });
  return (text) => {
    const result = lintItemText(text, 'ac', config);
    return { binary: result.binary === true, rules: result.findings.filter((f) => f.severity === 'error').map((f) => f.rule) };
  };
}

export interface AblationRow {
  rule: string;
  severity: string;
  /** Accuracy with the rule off, and how much lower it is than with every rule on. */
  accuracy: number;
  drop: number;
  /** Findings the rule adds on the corpus: how a warning or info rule contributes. */
  findings: number;
}

/** Every acceptance-criterion rule turned off in turn, measured on `entries`. */
export function ablation(entries: CorpusEntry[]): AblationRow[] {
  const full = measureAccuracy(entries).accuracy;
  return rules
    .filter((r) => r.id.startsWith('ac/'))
    .map((r) => {
      const findings = entries.reduce((n, e) => n + lintItemText(e.text, 'ac').findings.filter((f) => f.rule === r.id).length, 0);
      const accuracy = measureAccuracy(entries, verdictWithout(r.id)).accuracy;
      return { rule: r.id, severity: r.severity, accuracy, drop: full - accuracy, findings };
    });
}
