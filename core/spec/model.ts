import type { TemplateId } from '../templates/types.js';

/** How the lint engine judges an item: as a functional requirement, an NFR or a criterion. */
export type ItemKind = 'fr' | 'nfr' | 'ac';

/** What an item is, whatever the format it was written in (FR-2 of issue 11). */
export type CanonicalKind = 'requirement' | 'criterion' | 'success-criterion' | 'scenario';

/** How an item is written: Given/When/Then, EARS, a plain sentence, a checklist box or a table row. */
export type ItemStyle = 'gwt' | 'ears' | 'plain' | 'checklist' | 'table';

/** The change an OpenSpec delta block makes to a requirement. */
export type DeltaOp = 'added' | 'modified' | 'removed' | 'renamed';

/**
 * A numbered requirement (FR-n, NFR-n, AC-n) as written. `text` is a verbatim slice of the
 * section body, so an offset inside `text` plus `start` is an offset inside the body: lint
 * findings and editor markers need no mapping tables.
 */
export interface SpecItem {
  /** The native id (`FR-001`, `SC-3`, `AC-4`) or a derived one (`R3.2`, `US2-AS1`, `login/bad-password`). */
  id: string;
  kind: ItemKind;
  /** Canonical kind; absent means what `kind` implies (fr/nfr → requirement, ac → criterion). */
  role?: CanonicalKind;
  /** The id of the requirement (or user story) the item belongs to. */
  parent?: string;
  style?: ItemStyle;
  /** The id was derived from the item's place (Kiro, spec-kit, OpenSpec), not written by the author. */
  derived?: boolean;
  /** Inside an OpenSpec change delta: what the delta does to the requirement. */
  delta?: DeltaOp;
  number: number;
  /** "Token generation" in "NFR-1 (Token generation): …". */
  label?: string;
  /** The H3 (or bold-line) group an item sits under, e.g. "Happy Path". */
  group?: string;
  text: string;
  /** Offsets of `text` in the section body. */
  start: number;
  end: number;
  /** 1-based line and column of `text` in the whole document. */
  line: number;
  column: number;
}

/** One row of the edge-case table, keyed by what its header means. */
export interface EdgeCaseRow {
  scenario: string;
  status: string;
  body: string;
  sideEffect: string;
  /** Every cell by its header as written, including columns the model does not know. */
  cells: Record<string, string>;
  /** 1-based line in the document. */
  line: number;
  /** Offsets of the row in the section body. */
  start: number;
  end: number;
}

export interface SpecSection {
  /** Template section key, or null for a section the template does not know. */
  key: string | null;
  /** Heading text as written (without #), or null for text before any H2 when there is none. */
  heading: string | null;
  /** The exact heading line(s) including the line ending; '' when there is no heading. */
  headingRaw: string;
  /** The exact body, up to the next H2 or the end of the document. */
  body: string;
  /** Offset of `headingRaw` in the document. */
  start: number;
  /** Offset of `body` in the document, and its 1-based first line. */
  bodyStart: number;
  bodyLine: number;
  items: SpecItem[];
  /** Edge-case table rows, when the section holds a table. */
  rows?: EdgeCaseRow[];
  /** Index (in `sections`) of the earlier section with the same key. */
  duplicateOf?: number;
}

export type DiagnosticCode = 'duplicate-section' | 'duplicate-id' | 'no-sections' | 'mixed-format';

export interface ParseDiagnostic {
  code: DiagnosticCode;
  severity: 'warning' | 'info';
  message: string;
  /** 1-based lines in the document that the diagnostic names. */
  lines: number[];
}

export interface SpecMeta {
  title: string;
  author?: string;
  status?: string;
  date?: string;
}

/**
 * A parsed spec. `preamble + Σ(headingRaw + body)` is the document, byte for byte: that
 * partition is what makes unedited text round-trip exactly.
 */
export interface SpecDocument {
  source: string;
  eol: '\n' | '\r\n';
  meta: SpecMeta;
  frontMatter: Record<string, unknown> | null;
  template: TemplateId;
  /** How the format was chosen: from the headings, from front matter `format:`/`template:`, or by the caller. */
  formatSource: 'detected' | 'front-matter' | 'override';
  /** Item shapes found that belong to another format than `template` (e.g. Kiro criteria in a six-part spec). */
  mixedFormats: TemplateId[];
  /** Everything before the first H2: front matter, H1 title, any introduction. */
  preamble: string;
  sections: SpecSection[];
  diagnostics: ParseDiagnostic[];
}
