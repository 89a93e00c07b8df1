import type { CriterionResult, ValidationRun } from '../../core/validate/results.js';
import type { MutationReport } from './validate-spec.js';

const ICON: Record<string, string> = { passed: '✓', failed: '✗', undefined: '?', ambiguous: '≠', error: '!', skipped: '-' };

export function formatResult(r: CriterionResult): string {
  const lines = [`${ICON[r.status]} ${r.id} ${r.status}${r.message ? `: ${r.message}` : ''}`];
  for (const u of r.undefinedSteps ?? []) lines.push(`    nearest for "${u.text}":`, ...u.nearest.map((n) => `      - ${n.expression}`));
  if (r.status === 'failed' || r.status === 'error') {
    const last = r.exchanges.filter((e) => !e.url.includes('/__dev/')).slice(-1)[0];
    if (last) lines.push(`    reproduce: ${last.curl}`, `    answered ${last.status}: ${last.responseBody.slice(0, 200)}`);
  }
  return lines.join('\n');
}

export function formatRun(run: ValidationRun): string {
  const s = run.summary;
  return `${run.results.map(formatResult).join('\n')}\n\n${run.file}${run.defect ? ` (defect ${run.defect})` : ''}: ${s.passed}/${s.total} passed, ${s.failed} failed, ${s.undefined} undefined, ${s.ambiguous} ambiguous, ${s.error} errors\n`;
}

export function formatMutation(report: MutationReport): string {
  const ids = report.correct.results.map((r) => r.id);
  const width = Math.max(...report.matrix.map((m) => m.defect.length), 7) + 2;
  const head = `${'defect'.padEnd(width)}${ids.map((i) => i.padEnd(6)).join('')}killed`;
  const rows = report.matrix.map((m) => `${m.defect.padEnd(width)}${ids.map((i) => (ICON[m.statuses[i] ?? 'skipped'] ?? '-').padEnd(6)).join('')}${m.killed ? 'yes' : 'NO'}`);
  const out = [formatRun(report.correct), head, ...rows, '', `mutation score: ${report.score.killed}/${report.score.total}`];
  for (const s of report.surviving) out.push('', `surviving: ${s.defect} (${s.description})`, `  gap: ${s.gap}`, `  suggested criterion: ${s.suggestion}`);
  return out.join('\n') + '\n';
}
