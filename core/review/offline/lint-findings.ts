import type { CrossFinding, LintReport, Severity as LintSeverity } from '../../lint/types.js';
import type { SpecDocument } from '../../spec/model.js';
import type { Finding, Severity } from '../finding.js';
import { toFinding } from '../identity.js';

const SEVERITY: Record<LintSeverity, Severity | null> = { error: 'high', warning: 'medium', info: null };

const WHY =
  'The linter flags this wording: an agent has to interpret it, and the reading it picks may not be the one you meant.';

function sectionName(doc: SpecDocument, index: number): string {
  const s = doc.sections[index];
  return s?.key ?? s?.heading ?? 'unknown';
}

/**
 * Quality-engine results as offline findings (FR-9): errors become high, warnings medium;
 * infos are left to the lint panel. A quote is the flagged words when they occur once in the
 * section (so the highlight is precise), else the whole requirement text.
 */
export function lintReportToFindings(doc: SpecDocument, report: LintReport, pass = 'offline'): Finding[] {
  const out: Finding[] = [];
  for (const item of report.items) {
    const body = doc.sections[item.section]?.body ?? '';
    for (const f of item.findings) {
      const severity = SEVERITY[f.severity];
      if (!severity) continue;
      const span = item.text.slice(f.start, f.end);
      const unique = span.trim().length >= 3 && body.indexOf(span) === body.lastIndexOf(span);
      out.push(
        toFinding(
          {
            section: sectionName(doc, item.section),
            quote: unique ? span : item.text,
            problem: `${item.id}: ${f.message}`,
            whyAnAgentWouldGuess: WHY,
            suggestion: f.suggestion ?? f.message,
            severity,
          },
          pass,
          { offline: true, rule: `lint/${f.rule}` },
        ),
      );
    }
  }
  for (const f of report.crossFindings) {
    const severity = SEVERITY[f.severity];
    if (!severity) continue;
    const place = placeQuote(doc, f);
    out.push(
      toFinding(
        { section: place.section, quote: place.quote, problem: f.message, whyAnAgentWouldGuess: WHY, suggestion: f.suggestion ?? f.message, severity },
        pass,
        { offline: true, rule: `lint/${f.rule}` },
      ),
    );
  }
  return out;
}

function placeQuote(doc: SpecDocument, f: CrossFinding): { section: string; quote: string } {
  const place = f.places[0];
  if (!place) return { section: 'unknown', quote: '' };
  switch (place.kind) {
    case 'item': {
      const index = doc.sections.findIndex((s) => s.items.some((i) => i.id === place.id));
      if (index === -1) return { section: 'unknown', quote: '' };
      const item = doc.sections[index].items.find((i) => i.id === place.id)!;
      const quote = place.start !== undefined && place.end !== undefined && place.end > place.start ? item.text.slice(place.start, place.end) : item.text;
      return { section: sectionName(doc, index), quote };
    }
    case 'row': {
      const index = doc.sections.findIndex((s) => s.rows?.some((r) => r.scenario === place.scenario));
      return index === -1 ? { section: 'edgeCases', quote: '' } : { section: sectionName(doc, index), quote: place.scenario };
    }
    case 'section':
      return { section: place.key, quote: '' };
    case 'line': {
      const index = doc.sections.findIndex((s) => s.body.includes(place.text));
      return index === -1 ? { section: 'unknown', quote: '' } : { section: sectionName(doc, index), quote: place.text };
    }
  }
}
