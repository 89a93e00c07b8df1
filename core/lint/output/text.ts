import { positionIn } from '../positions.js';
import type { CrossFinding, ItemReport, LintReport, Place } from '../types.js';

const KIND_TITLE = { fr: 'Functional requirements', nfr: 'Non-functional requirements', ac: 'Acceptance criteria' } as const;

/** Human-readable lint output: readiness first, then findings grouped by section kind, then a summary. */
export function formatLintText(file: string, report: LintReport): string {
  const out: string[] = [];
  const r = report.readiness;
  const b = r.breakdown;
  out.push(file);
  if (r.nothingToCheck) out.push('Readiness 0/100 · nothing to check');
  else out.push(
    `Readiness ${r.score}/100 · binary ACs ${b.binaryAcs.binary}/${b.binaryAcs.total} (${b.binaryAcs.points}/${b.binaryAcs.max})` +
      ` · FR coverage ${b.frCoverage.covered}/${b.frCoverage.total} (${b.frCoverage.points}/${b.frCoverage.max})` +
      ` · cross-section ${plural(b.crossFindings.errors, 'error')}, ${plural(b.crossFindings.warnings, 'warning')} (${b.crossFindings.points}/${b.crossFindings.max})` +
      ` · sections ${b.sections.filled}/${b.sections.expected} (${b.sections.points}/${b.sections.max})`,
  );
  if (b.sections.missing.length > 0) out.push(`Missing or empty sections: ${b.sections.missing.join(', ')}`);

  for (const kind of ['fr', 'nfr', 'ac'] as const) {
    const items = report.items.filter((i) => i.kind === kind && (kind === 'ac' || i.findings.length > 0));
    if (items.length === 0) continue;
    out.push('', KIND_TITLE[kind]);
    for (const item of items) out.push(...itemLines(item));
  }
  if (report.crossFindings.length > 0) {
    out.push('', 'Cross-section');
    for (const f of report.crossFindings) out.push(...crossLines(f));
  }
  const acs = report.items.filter((i) => i.kind === 'ac');
  const failing = acs.filter((i) => i.binary === false).length;
  const c = report.counts;
  out.push('', `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.infos, 'note')} · ${failing} of ${acs.length} acceptance criteria not binary`);
  return `${out.join('\n')}\n`;
}

function itemLines(item: ItemReport): string[] {
  const verdict = item.binary === undefined ? '' : item.binary ? '  ✓ binary' : '  ✗ not binary';
  const lines = [`  ${item.id}${verdict}  score ${item.score}${item.style ? `  ${item.style}` : ''}`];
  for (const f of item.findings) {
    const at = positionIn(item.text, item.line, item.column, f.start);
    lines.push(`    ${`${at.line}:${at.column}`.padEnd(8)} ${f.severity.padEnd(8)} ${f.rule.padEnd(28)} ${f.message}`);
    if (f.suggestion) lines.push(`${' '.repeat(48)}→ ${f.suggestion}`);
  }
  return lines;
}

function crossLines(f: CrossFinding): string[] {
  const first = f.places[0];
  const at = first ? `${first.line}:${first.column}` : '';
  const lines = [`  ${at.padEnd(8)} ${f.severity.padEnd(8)} ${f.rule.padEnd(28)} ${f.message}`];
  if (f.places.length > 1) lines.push(`${' '.repeat(48)}at ${f.places.map(placeText).join('; ')}`);
  if (f.suggestion) lines.push(`${' '.repeat(48)}→ ${f.suggestion}`);
  return lines;
}

function placeText(p: Place): string {
  const where = `line ${p.line}`;
  if (p.kind === 'item') return `${p.id} (${where})`;
  if (p.kind === 'row') return `edge case "${p.scenario}" (${where})`;
  if (p.kind === 'section') return `${p.heading ?? p.key} (${where})`;
  return where;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
