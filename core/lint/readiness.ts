import { getTemplate } from '../templates/index.js';
import type { ItemView, SpecView } from './rules/rule.js';
import type { CrossFinding, Readiness } from './types.js';

const WEIGHTS = { binaryAcs: 40, frCoverage: 25, crossFindings: 20, sections: 15 };
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Readiness asks of a spec only what its format promises (issue 11, FR-3): the sections are the
 * format's own (a Kiro file has no edge-case table to fill), and parts a format cannot hold
 * count for nothing, the rest scaled to 100.
 *
 * FR-6: readiness 0–100 = 40 × share of binary ACs + 25 × share of FRs some AC covers +
 * 20 × (1 − 0.2 per cross-section error − 0.05 per warning, at least 0) + 15 × share of
 * the template's sections that have content.
 */
export function computeReadiness(spec: SpecView, coverage: Map<ItemView, boolean>, cross: readonly CrossFinding[]): Readiness {
  const acs = spec.byKind.ac;
  const binary = acs.filter((a) => a.report.binary).length;
  const frs = spec.byKind.fr.length;
  const covered = [...coverage.values()].filter(Boolean).length;
  const errors = cross.filter((f) => f.severity === 'error').length;
  const warnings = cross.filter((f) => f.severity === 'warning').length;
  const template = getTemplate(spec.doc.template);
  const expected = template.sections;
  const filledKeys = new Set(spec.doc.sections.filter((s) => s.key && s.body.replace(/<!--[\s\S]*?-->/g, '').trim()).map((s) => s.key));
  const missing = expected.filter((s) => !filledKeys.has(s.key)).map((s) => s.title);

  const breakdown: Readiness['breakdown'] = {
    binaryAcs: { binary, total: acs.length, points: round1(acs.length ? (WEIGHTS.binaryAcs * binary) / acs.length : 0), max: WEIGHTS.binaryAcs },
    frCoverage: { covered, total: frs, points: round1(frs ? (WEIGHTS.frCoverage * covered) / frs : 0), max: WEIGHTS.frCoverage },
    crossFindings: { errors, warnings, points: round1(WEIGHTS.crossFindings * Math.max(0, 1 - 0.2 * errors - 0.05 * warnings)), max: WEIGHTS.crossFindings },
    sections: {
      filled: expected.length - missing.length,
      expected: expected.length,
      missing,
      points: round1((WEIGHTS.sections * (expected.length - missing.length)) / Math.max(1, expected.length)),
      max: WEIGHTS.sections,
    },
  };
  // An empty document has no errors only because it has nothing: it must not earn the cross-section points.
  if (acs.length === 0 && frs === 0 && spec.byKind.nfr.length === 0 && filledKeys.size === 0) {
    for (const part of Object.values(breakdown)) part.points = 0;
    return { score: 0, nothingToCheck: true, breakdown };
  }
  // A format that holds no criteria (Kiro design.md) is scored on what it does promise, out of 100.
  if (!template.promises.criteria) breakdown.binaryAcs.max = breakdown.binaryAcs.points = 0;
  if (!template.promises.coverage) breakdown.frCoverage.max = breakdown.frCoverage.points = 0;
  const parts = Object.values(breakdown);
  const max = parts.reduce((sum, p) => sum + p.max, 0);
  const score = Math.round((100 * parts.reduce((sum, p) => sum + p.points, 0)) / Math.max(1, max));
  return { score: Math.max(0, Math.min(100, score)), breakdown };
}
