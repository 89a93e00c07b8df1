import type { ValidationRun } from './results.js';

const escape = (s: string): string =>
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JUnit XML, one `<testcase>` per criterion named by its id, as Cucumber reports statuses (FR-4). */
export function toJunit(run: ValidationRun): string {
  const s = run.summary;
  const suite = `${run.file}${run.defect ? ` (defect ${run.defect})` : ''}`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="${escape(suite)}" tests="${s.total}" failures="${s.failed}" errors="${s.error}" skipped="${s.undefined + s.ambiguous + s.skipped}">`,
  ];
  for (const r of run.results) {
    const open = `  <testcase classname="${escape(suite)}" name="${escape(r.id)}" time="${(r.ms / 1000).toFixed(3)}"`;
    const message = escape(r.message ?? '');
    if (r.status === 'passed') lines.push(`${open}/>`);
    else if (r.status === 'failed') lines.push(`${open}>`, `    <failure message="${message}">${escape(r.exchanges.map((e) => e.curl).join('\n'))}</failure>`, '  </testcase>');
    else if (r.status === 'error') lines.push(`${open}>`, `    <error message="${message}"/>`, '  </testcase>');
    else lines.push(`${open}>`, `    <skipped message="${escape(r.status)}: ${message}"/>`, '  </testcase>');
  }
  lines.push('</testsuite>');
  return lines.join('\n') + '\n';
}
