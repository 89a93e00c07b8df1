import type { Place } from '../../types.js';
import type { SpecHit, SpecRule, SpecView } from '../rule.js';

const BULLET = /^([ \t]{0,1})(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?(\S.*)$/;
const HAS_ID = /^(?:\*\*|__)?[ \t]*(?:FR|NFR|AC)-\d+\b/;

/** Top-level bullets in the functional section that carry no FR id: requirements nobody can cite. */
function unnumbered(spec: SpecView): SpecHit[] {
  const index = spec.sectionIndex.get('functional');
  if (index === undefined) return [];
  const section = spec.doc.sections[index];
  const hits: SpecHit[] = [];
  section.body.split('\n').forEach((line, i) => {
    const m = BULLET.exec(line.replace(/\r$/, ''));
    if (!m || HAS_ID.test(m[2])) return;
    const place: Place = { kind: 'line', line: section.bodyLine + i, column: line.indexOf(m[2]) + 1, text: m[2] };
    hits.push({ message: 'This requirement has no FR id, so no criterion or review comment can refer to it.', places: [place], suggestion: 'Number it: "FR-n: The system must …".' });
  });
  return hits;
}

export const frId: SpecRule = {
  id: 'fr/id',
  level: 'spec',
  severity: 'warning',
  english: false,
  title: 'Requirement numbering',
  explanation:
    'Functional requirements are numbered FR-1, FR-2, … in order, without gaps, so acceptance criteria, review comments and agents can cite them and a missing one is noticed. This rule reports gaps, numbers out of order and bullets in the Functional Requirements section that have no id. Ids used twice are reported by cross/duplicate-id.',
  check(spec) {
    // Numbering is about written FR-n ids; derived ids (Kiro R3, OpenSpec names) cannot have gaps.
    const frs = spec.byKind.fr.filter(
      (v) => !v.item.derived && /^FR-/i.test(v.item.id) && (spec.doc.sections[v.section].key === 'functional' || spec.sectionIndex.get('functional') === undefined),
    );
    const hits: SpecHit[] = [];
    let previous: (typeof frs)[number] | undefined;
    const seen = new Set<number>();
    for (const view of frs) {
      const n = view.item.number;
      if (previous && n < previous.item.number && !seen.has(n)) {
        hits.push({
          message: `${view.item.id} comes after ${previous.item.id}: keep requirements in number order.`,
          places: [spec.itemPlace(previous), spec.itemPlace(view)],
        });
      }
      seen.add(n);
      previous = view;
    }
    const numbers = [...seen].sort((a, b) => a - b);
    if (numbers.length > 0) {
      const byNumber = new Map(frs.map((v) => [v.item.number, v]));
      let expected = 1;
      for (const n of numbers) {
        if (n > expected) {
          const missing = expected === n - 1 ? `FR-${expected}` : `FR-${expected} to FR-${n - 1}`;
          const before = byNumber.get(expected - 1);
          const after = byNumber.get(n)!;
          hits.push({
            message: `${missing} ${expected === n - 1 ? 'is' : 'are'} missing: the numbering jumps ${before ? `from ${before.item.id} ` : ''}to ${after.item.id}.`,
            places: before ? [spec.itemPlace(before), spec.itemPlace(after)] : [spec.itemPlace(after)],
            suggestion: 'Renumber, or say in the text why the number is retired.',
          });
        }
        expected = n + 1;
      }
    }
    return [...hits, ...unnumbered(spec)];
  },
};
