import { useWorkbench } from '../state/store.js';

/** The spec's readiness score with its breakdown on hover. */
export function Readiness() {
  const readiness = useWorkbench((s) => s.lint?.readiness);
  if (!readiness) return null;
  if (readiness.nothingToCheck) {
    return (
      <span className="readiness readiness-poor" title="No requirement, criterion or filled section yet" data-testid="readiness">
        Readiness 0 · nothing to check
      </span>
    );
  }
  const b = readiness.breakdown;
  const detail = [
    `Binary ACs: ${b.binaryAcs.binary}/${b.binaryAcs.total} (${b.binaryAcs.points}/${b.binaryAcs.max})`,
    `FR coverage: ${b.frCoverage.covered}/${b.frCoverage.total} (${b.frCoverage.points}/${b.frCoverage.max})`,
    `Cross-section: ${b.crossFindings.errors} errors, ${b.crossFindings.warnings} warnings (${b.crossFindings.points}/${b.crossFindings.max})`,
    `Sections: ${b.sections.filled}/${b.sections.expected}${b.sections.missing.length ? ` — missing ${b.sections.missing.join(', ')}` : ''} (${b.sections.points}/${b.sections.max})`,
  ].join('\n');
  const tone = readiness.score >= 85 ? 'good' : readiness.score >= 60 ? 'fair' : 'poor';
  return (
    <span className={`readiness readiness-${tone}`} title={detail} data-testid="readiness">
      Readiness {readiness.score}
    </span>
  );
}
