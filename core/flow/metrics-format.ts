import { csvLine } from '../adr/digest.js';
import type { FlowMetrics } from './metrics.js';

export const METRICS_CSV_HEADER = ['spec_id', 'title', 'stage', 'approved_at', 'implementation_start_at', 'source', 'days_to_start', 'so_far', 'flagged', 'days_in_review'];

/** One row per spec, as the dashboard's Export CSV and `specbench metrics --format csv` write it. */
export function metricsCsv(m: FlowMetrics): string {
  const rows = m.specs.map((s) =>
    csvLine([
      String(s.specId),
      s.title,
      s.stage,
      s.approvedAt ?? '',
      s.implementationStartAt ?? '',
      s.implementationSource ?? '',
      s.daysToStart === null ? '' : String(s.daysToStart),
      s.soFar ? 'yes' : 'no',
      s.flagged ? 'yes' : 'no',
      s.daysInReview === null ? '' : String(s.daysInReview),
    ]),
  );
  return `${[csvLine(METRICS_CSV_HEADER), ...rows].join('\r\n')}\r\n`;
}

function days(n: number | null): string {
  return n === null ? '—' : `${n} d`;
}

/** A readable summary for the terminal. */
export function metricsText(m: FlowMetrics): string {
  const lines = [`Spec-to-implementation start (flagged over ${m.flagAfterDays} days): median ${days(m.medianDays)}, p90 ${days(m.p90Days)}, ${m.flaggedCount} flagged`];
  lines.push('', 'Per spec:');
  for (const s of m.specs) {
    const start = s.daysToStart === null ? 'not approved' : `${days(s.daysToStart)}${s.soFar ? ' so far' : ''}`;
    lines.push(`  ${s.flagged ? '!' : ' '} #${s.specId} ${s.title} — ${s.stage}, ${start}${s.daysInReview === null ? '' : `, ${days(s.daysInReview)} in review`}`);
  }
  if (m.months.length) {
    lines.push('', 'Per month of approval:');
    for (const mo of m.months) lines.push(`  ${mo.month}: ${mo.count} specs, median ${days(mo.medianDays)}, p90 ${days(mo.p90Days)}, ${mo.flagged} flagged`);
  }
  if (m.reviewers.length) {
    lines.push('', 'Review latency (request → verdict):');
    for (const r of m.reviewers) lines.push(`  ${r.reviewer}: ${r.answered}/${r.requests} answered, median ${days(r.medianDays)}`);
  }
  return `${lines.join('\n')}\n`;
}
