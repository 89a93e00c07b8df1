/** How one section, requirement or edge-case row differs between two versions. */
export type ChangeKind = 'added' | 'removed' | 'modified';

export interface SectionChange {
  /** Template key ('acceptance'), 'preamble' for the title and front matter, or 'heading:<text>' for unknown sections. */
  key: string;
  heading: string;
  change: ChangeKind;
}

export interface ItemChange {
  /** Requirement id as written, e.g. "FR-3". */
  id: string;
  /** Heading of the section the item sits in (the newer one when it moved). */
  section: string;
  change: ChangeKind;
  /** Only spacing or line breaks changed (modified items only). */
  whitespaceOnly?: boolean;
}

export interface RowChange {
  /** The row's scenario cell (its first cell when the table has no scenario column). */
  scenario: string;
  change: ChangeKind;
}

/**
 * What changed between two versions by section, requirement id and edge-case row:
 * the "FR-3 modified, AC-11 added, NFR-2 removed" summary of the history panel.
 */
export interface ChangeSummary {
  sections: SectionChange[];
  items: ItemChange[];
  rows: RowChange[];
}

/**
 * Compact per-version digest of a parsed spec (hashes, not text). Stored with each version
 * so the history can summarise changes without parsing the previous version again.
 */
export interface SpecFingerprint {
  /** Bumped when the hashing or matching rules change; older digests are then recomputed. */
  v: number;
  sections: Array<{ key: string; heading: string; hash: string }>;
  items: Array<{ key: string; id: string; section: string; hash: string; loose: string }>;
  rows: Array<{ key: string; scenario: string; hash: string }>;
}

export interface DiffLine {
  kind: 'context' | 'added' | 'removed';
  /** The line without its line ending. */
  text: string;
  /** 1-based line in the older document (context and removed lines). */
  oldLine?: number;
  /** 1-based line in the newer document (context and added lines). */
  newLine?: number;
}

/** A unified-diff hunk; line numbers are 1-based in the whole document. */
export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: DiffLine[];
}

export interface SectionDiff {
  key: string;
  heading: string;
  change: ChangeKind | 'unchanged';
  /** Section text (heading line and body) in each version; null where the section does not exist. */
  before: string | null;
  after: string | null;
  /** 1-based first line of the section in each document; null where it does not exist. */
  beforeLine: number | null;
  afterLine: number | null;
  hunks: Hunk[];
}

/** The semantic diff between two spec texts, plus per-section line diffs for a diff view. */
export interface SpecDiff {
  summary: ChangeSummary;
  /** Human-readable lines, one per changed section, e.g. "Acceptance Criteria: AC-3 modified". */
  description: string[];
  /** Every section of either version, in document order (removed ones where they used to be). */
  sections: SectionDiff[];
}
