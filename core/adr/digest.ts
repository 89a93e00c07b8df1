import { padNumber } from './file-name.js';
import type { AdrRecord } from './model.js';

/** What a digest row shows beyond the record itself: the spec and requirement ids a decision concerns. */
export interface AdrDigestExtra {
  spec?: string;
  requirementIds?: string[];
}

export const ADR_CSV_HEADER = ['number', 'title', 'status', 'date', 'deciders', 'spec', 'requirement_ids', 'superseded_by'] as const;

function csvCell(value: string): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: string[]): string {
  return cells.map(csvCell).join(',');
}

function supersededBy(r: AdrRecord): string {
  return r.links.filter((l) => l.kind === 'superseded-by').map((l) => l.target).join(' ');
}

/** One row per ADR: number, title, status, date, deciders, spec, requirement ids, superseded-by. */
export function adrCsv(records: AdrRecord[], extra: (r: AdrRecord) => AdrDigestExtra = () => ({})): string {
  const rows = records.map((r) => {
    const e = extra(r);
    return csvLine([r.number === null ? '' : padNumber(r.number), r.title, r.status, r.date ?? '', r.decisionMakers.join('; '), e.spec ?? '', (e.requirementIds ?? []).join(' '), supersededBy(r)]);
  });
  return `${[csvLine([...ADR_CSV_HEADER]), ...rows].join('\r\n')}\r\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One self-contained HTML page with every record: heading, status, date, people and section texts (as preformatted text, never as markup). */
export function adrHtml(records: AdrRecord[], title = 'Architectural Decision Records'): string {
  const parts = records.map((r) => {
    const n = r.number === null ? '' : `${padNumber(r.number)} `;
    const sections = r.sections.map((s) => `<h3>${escapeHtml(s.heading)}</h3>\n<pre>${escapeHtml(s.body.trim())}</pre>`).join('\n');
    const links = r.links.map((l) => `<li>${escapeHtml(l.kind)} ${escapeHtml(l.target)}</li>`).join('');
    return `<article id="${escapeHtml(r.fileName)}">
<h2>${escapeHtml(n + r.title)}</h2>
<p class="meta">Status: <strong>${escapeHtml(r.status)}</strong>${r.date ? ` · Date: ${escapeHtml(r.date)}` : ''}${r.decisionMakers.length ? ` · Deciders: ${escapeHtml(r.decisionMakers.join(', '))}` : ''}</p>
${links ? `<ul>${links}</ul>\n` : ''}${sections}
</article>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${escapeHtml(title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;font:inherit}article{border-top:1px solid #ccc;padding-top:1rem}</style></head>
<body><h1>${escapeHtml(title)}</h1>
${parts.join('\n')}
</body></html>
`;
}

/** The log's `README.md` index: one line per record linking its file, with its status. */
export function adrIndex(records: AdrRecord[], title = 'Architectural Decision Records'): string {
  const lines = records.map((r) => `- [${r.number === null ? '' : `${padNumber(r.number)} `}${r.title}](${r.fileName}) — ${r.status || 'unknown'}${r.date ? `, ${r.date}` : ''}`);
  return `# ${title}\n\n${lines.join('\n')}\n`;
}
