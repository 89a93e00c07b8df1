import type { Severity } from '../finding.js';

/**
 * One concern the offline reviewer checks a spec for. The spec "covers" it when every
 * pattern in `coveredWhen` matches somewhere in its text; otherwise it becomes a finding,
 * anchored on the first requirement of `target.section` that one of `target.prefer` matches.
 */
export interface CatalogueEntry {
  id: string;
  title: string;
  severity: Severity;
  coveredWhen: RegExp[];
  target: { section: string; prefer: RegExp[] };
  problem: string;
  whyAnAgentWouldGuess: string;
  suggestion: string;
  /** A sentence appended to the quoted requirement when the author applies the finding. */
  addition: string;
  /** The same concern as a Clarify question: recommended answer first, then alternatives. */
  clarify: { question: string; recommended: string; alternatives: string[] };
}

/** A family of specs and the concerns that apply to it. */
export interface Catalogue {
  id: string;
  title: string;
  /** Whether a spec's text belongs to this domain. */
  applies(text: string): boolean;
  entries: CatalogueEntry[];
}
