import type { SpecDocument } from '../spec/model.js';
import type { Finding } from './finding.js';
import { stableHash } from './hash.js';
import { normalizeText } from './normalize.js';

/**
 * The key a finding keeps across runs and versions (FR-4): the pass, what produced it (a lint
 * rule, a checklist item, a Product Ops rule, or `model` for a model's own finding) and its
 * anchor. The anchor is the id of the requirement the quote sits in (FR-3, AC-2…) when there
 * is one, so rewording that requirement without fixing the gap keeps the key; otherwise the
 * quote itself. A model words the same problem differently every run, so its wording is left out.
 */
export function findingKey(doc: SpecDocument, finding: Pick<Finding, 'pass' | 'rule' | 'section' | 'quote'>): string {
  const quote = normalizeText(finding.quote);
  let anchor = quote === '' ? '' : `q:${stableHash(quote)}`;
  if (quote !== '') {
    for (const section of doc.sections) {
      const item = section.items.find((i) => i.text.includes(finding.quote));
      if (item?.id) {
        anchor = `id:${item.id}`;
        break;
      }
    }
  }
  return [finding.pass, finding.rule ?? 'model', finding.section, anchor].join('|');
}

/** A short, stable hash of a quote as normalised, for "dismissed while its quote is unchanged". */
export function quoteHash(quote: string): string {
  return stableHash(normalizeText(quote));
}

export interface KeyedFinding {
  key: string;
  finding: Finding;
}

export interface RunLabels {
  current: Array<KeyedFinding & { label: 'new' | 'persisting' }>;
  resolved: KeyedFinding[];
}

/** Labels findings one at a time as they stream in, against the previous run's findings. */
export interface RunLabeller {
  label(keyed: KeyedFinding): 'new' | 'persisting';
  /** Earlier findings no finding of this run has claimed: the resolved ones. */
  resolved(): KeyedFinding[];
}

/**
 * Labels a run against the previous run of the same pass on the same spec (FR-4): a finding
 * whose key was there before persists, one that was not is new, and earlier keys that no
 * finding claims are resolved. Each earlier finding is claimed at most once.
 */
export function createRunLabeller(previous: readonly KeyedFinding[]): RunLabeller {
  const unclaimed = [...previous];
  return {
    label(keyed) {
      const at = unclaimed.findIndex((p) => p.key === keyed.key);
      if (at === -1) return 'new';
      unclaimed.splice(at, 1);
      return 'persisting';
    },
    resolved: () => [...unclaimed],
  };
}

/** The labels of a whole run at once. */
export function labelRun(previous: readonly KeyedFinding[], current: readonly KeyedFinding[]): RunLabels {
  const labeller = createRunLabeller(previous);
  const labelled = current.map((c) => ({ ...c, label: labeller.label(c) }));
  return { current: labelled, resolved: labeller.resolved() };
}

/** A dismissal holds while the finding's quote reads the same as when it was dismissed. */
export function isDismissed(dismissals: ReadonlyArray<{ key: string; quoteHash: string }>, keyed: KeyedFinding): boolean {
  const hash = quoteHash(keyed.finding.quote);
  return dismissals.some((d) => d.key === keyed.key && d.quoteHash === hash);
}
