import { GENERAL_DOMAIN } from '../checklists/checklist-file.js';
import type { Finding } from '../finding.js';
import type { Sidecar } from './sidecar.js';

export interface SpecScore {
  gaps: Array<{ id: string; description: string; raisedBy: string[] }>;
  /** Raised gaps / planted gaps. */
  recall: number;
  /** Recall per pass id: gaps that pass raised / planted gaps. */
  recallByPass: Record<string, number>;
  /** Findings that matched no planted gap (lint findings counted apart), for review by hand. */
  unmatched: Finding[];
  unmatchedLint: number;
  /** Checklist findings of a domain the sidecar does not list (NFR-1: must be none). */
  outOfDomain: Finding[];
}

function raises(gap: Sidecar['gaps'][number], f: Finding): boolean {
  if (f.rule && gap.rules.includes(f.rule)) return true;
  // An offline finding is judged by its rule id, which a set's author names once they know the
  // rules. A held-out set is written without seeing them (`rules: []`), so there a checklist
  // finding is judged by its words like a model finding; lint findings never are (a vague-word
  // finding would match by accident).
  if (f.offline && (gap.rules.length > 0 || !f.rule?.startsWith('checklist/'))) return false;
  if (gap.sections && !gap.sections.includes(f.section)) return false;
  const text = `${f.problem} ${f.suggestion}`.toLowerCase();
  return gap.terms.some((t) => text.includes(t.toLowerCase()));
}

/** The domain a checklist finding came from (`checklist/<domain>/<item>`), else null. */
export function checklistDomain(f: Pick<Finding, 'rule'>): string | null {
  const m = /^checklist\/([^/]+)\//.exec(f.rule ?? '');
  return m ? m[1] : null;
}

/** Scores one spec's findings (with the pass that produced each) against its sidecar. */
export function scoreSpec(sidecar: Sidecar, findings: ReadonlyArray<Finding>, passIds: readonly string[]): SpecScore {
  const used = new Set<Finding>();
  const gaps = sidecar.gaps.map((gap) => {
    const raisedBy = new Set<string>();
    for (const f of findings) {
      if (!raises(gap, f)) continue;
      used.add(f);
      raisedBy.add(f.pass);
      for (const other of f.alsoFrom ?? []) raisedBy.add(other);
    }
    return { id: gap.id, description: gap.description, raisedBy: [...raisedBy].sort() };
  });
  const total = gaps.length;
  const recallByPass: Record<string, number> = {};
  for (const pass of passIds) recallByPass[pass] = gaps.filter((g) => g.raisedBy.includes(pass)).length / total;
  const rest = findings.filter((f) => !used.has(f));
  const isLint = (f: Finding) => (f.rule ?? '').startsWith('lint/');
  const allowed = new Set([...sidecar.domains, GENERAL_DOMAIN]);
  return {
    gaps,
    recall: gaps.filter((g) => g.raisedBy.length > 0).length / total,
    recallByPass,
    unmatched: rest.filter((f) => !isLint(f)),
    unmatchedLint: rest.filter(isLint).length,
    outOfDomain: findings.filter((f) => {
      const d = checklistDomain(f);
      return d !== null && !allowed.has(d);
    }),
  };
}
