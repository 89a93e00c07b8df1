import type { ItemKind } from '../spec/model.js';

/** One section a template expects, with the headings that count as it. */
export interface TemplateSection {
  key: string;
  title: string;
  /** Other headings (any case, any numbering) that mean this section. */
  aliases: string[];
  /** Requirement ids expected in this section, e.g. FR-n in Functional Requirements. */
  itemKind?: ItemKind;
  /** The section holds the edge-case table. */
  table?: boolean;
  /** Shown in an empty pane, and written into a new spec. */
  hint: string;
}

export type TemplateId =
  | 'agent-ready'
  | 'product-ops'
  | 'speckit'
  | 'kiro-requirements'
  | 'kiro-design'
  | 'openspec'
  | 'openspec-delta';

/** A heading that reveals a format: its level, a pattern over its text as written, and how much it counts. */
export interface FormatSignal {
  depth: 1 | 2 | 3 | 4;
  pattern: RegExp;
  weight: number;
}

/**
 * What a format promises, so readiness asks of a spec only what its format has room for: a
 * Kiro file has no edge-case table to fill, an OpenSpec file no success criteria.
 */
export interface FormatPromises {
  /** The format holds acceptance criteria or scenarios (their binary share counts). */
  criteria: boolean;
  /** Requirements are expected to be covered by criteria. */
  coverage: boolean;
}

export interface SpecTemplate {
  id: TemplateId;
  /** The short name the CLI, front matter `format:` and the title bar use (`six-part`, `kiro`…). */
  format: string;
  name: string;
  description: string;
  sections: TemplateSection[];
  /** Headings that reveal the format beyond its section titles (detection adds their weights). */
  signals?: FormatSignal[];
  promises: FormatPromises;
}
