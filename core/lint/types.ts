import type { ItemKind } from '../spec/model.js';

export type Severity = 'error' | 'warning' | 'info';

/** How an acceptance criterion is written. Reported, never required. */
export type AcStyle =
  | 'given-when-then'
  | 'ears-ubiquitous'
  | 'ears-event'
  | 'ears-state'
  | 'ears-unwanted'
  | 'ears-optional'
  | 'checklist'
  | 'plain';

/**
 * One problem inside an item (FR-1): `start`/`end` are offsets into the item's `text`, so the
 * editor adds the item's own offset and the CLI turns them into document line and column.
 */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** What to write instead, in words; mechanical rewrites are `quickFixes`. */
  suggestion?: string;
}

/** A place a cross-section finding names: an item, an edge-case table row, a line or a section. */
export type Place =
  | { kind: 'item'; id: string; line: number; column: number; /** The part of the item text involved. */ start?: number; end?: number }
  | { kind: 'row'; scenario: string; line: number; column: number }
  | { kind: 'line'; line: number; column: number; text: string }
  | { kind: 'section'; key: string; heading: string | null; line: number; column: number };

/** A finding about the spec as a whole or about several places at once (FR-5, fr/id). */
export interface CrossFinding {
  rule: string;
  severity: Severity;
  message: string;
  /** Every place involved, in document order; the first is where a marker goes. */
  places: Place[];
  suggestion?: string;
}

/** The lint verdict of one FR, NFR or AC. */
export interface ItemReport {
  id: string;
  kind: ItemKind;
  text: string;
  /**
   * Acceptance criteria only: false exactly when an error-severity finding exists; undefined
   * when the text is in a language the rules do not cover ("not checked", FR-7).
   */
  binary?: boolean;
  /** 0–100. */
  score: number;
  /** Acceptance criteria only. */
  style?: AcStyle;
  findings: Finding[];
  /** Where the item text starts in the document (1-based). */
  line: number;
  column: number;
  /** Index of the section in `doc.sections`, and the text's offsets in that section's body. */
  section: number;
  start: number;
  end: number;
}

export interface ReadinessPart {
  /** Points earned out of `max`. */
  points: number;
  max: number;
}

/** FR-6: the spec's readiness, 0–100, and how it was reached. */
export interface Readiness {
  score: number;
  /** True when the document has no requirement, criterion or filled section: the score is then 0, not the points an empty list earns. */
  nothingToCheck?: boolean;
  breakdown: {
    binaryAcs: ReadinessPart & { binary: number; total: number };
    frCoverage: ReadinessPart & { covered: number; total: number };
    crossFindings: ReadinessPart & { errors: number; warnings: number };
    sections: ReadinessPart & { filled: number; expected: number; missing: string[] };
  };
}

export interface LintCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface LintReport {
  items: ItemReport[];
  crossFindings: CrossFinding[];
  readiness: Readiness;
  counts: LintCounts;
}
