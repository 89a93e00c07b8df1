import { positionIn } from '../positions.js';
import { rules } from '../rules/index.js';
import type { LintReport, Place, Severity } from '../types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /** The spec's path as code scanning should show it: relative to the repository root, with "/". */
  uri: string;
  toolVersion: string;
}

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
}

/** A SARIF 2.1.0 log (FR-7) with every rule in `runs[0].tool.driver.rules` and results located by line and column. */
export function toSarif(report: LintReport, options: SarifOptions): Record<string, unknown> {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const location = (region: SarifRegion) => ({ physicalLocation: { artifactLocation: { uri: options.uri }, region } });
  const results: Array<Record<string, unknown>> = [];
  for (const item of report.items) {
    for (const f of item.findings) {
      const start = positionIn(item.text, item.line, item.column, f.start);
      const end = positionIn(item.text, item.line, item.column, f.end);
      results.push({
        ruleId: f.rule,
        ruleIndex: index.get(f.rule),
        level: LEVEL[f.severity],
        message: { text: `${item.id}: ${f.message}${f.suggestion ? ` ${f.suggestion}` : ''}` },
        locations: [location({ startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column })],
      });
    }
  }
  for (const f of report.crossFindings) {
    const [first, ...rest] = f.places;
    const regionOf = (p: Place): SarifRegion => ({ startLine: p.line, startColumn: p.column });
    results.push({
      ruleId: f.rule,
      ruleIndex: index.get(f.rule),
      level: LEVEL[f.severity],
      message: { text: `${f.message}${f.suggestion ? ` ${f.suggestion}` : ''}` },
      locations: [location(first ? regionOf(first) : { startLine: 1, startColumn: 1 })],
      ...(rest.length > 0 ? { relatedLocations: rest.map((p, i) => ({ id: i + 1, ...location(regionOf(p)), message: { text: placeLabel(p) } })) } : {}),
    });
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'specbench',
            version: options.toolVersion,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.title.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')).replace(/^./, (c) => c.toUpperCase()),
              shortDescription: { text: r.title },
              fullDescription: { text: r.explanation },
              help: { text: r.explanation },
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        artifacts: [{ location: { uri: options.uri }, mimeType: 'text/markdown' }],
        results,
      },
    ],
  };
}

function placeLabel(p: Place): string {
  if (p.kind === 'item') return p.id;
  if (p.kind === 'row') return `edge case "${p.scenario}"`;
  if (p.kind === 'section') return p.heading ?? p.key;
  return p.text;
}
