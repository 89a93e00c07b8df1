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

export type TemplateId = 'agent-ready' | 'product-ops';

export interface SpecTemplate {
  id: TemplateId;
  name: string;
  description: string;
  sections: TemplateSection[];
}
