import type { SpecDocument, SpecItem, EdgeCaseRow, ItemKind } from '../../spec/model.js';
import type { ItemText } from '../analyze.js';
import type { ItemFacts } from '../facts/item-facts.js';
import type { Lexicon } from '../lexicon.js';
import type { Finding, ItemReport, Place, Severity } from '../types.js';

/** What every rule declares about itself: shown on hover, in `--help`, in SARIF. */
export interface RuleMeta {
  /** Stable id, e.g. `ac/weak-modal`. Never renamed: configs and CI baselines name it. */
  id: string;
  /** Severity unless `.specbench.json` says otherwise. */
  severity: Severity;
  /** A few words, e.g. "Weak modal verb". */
  title: string;
  /** One paragraph: what the rule looks for, why it matters and how to fix it. */
  explanation: string;
  /** The rule reads English words, so it stays silent on text in other languages. */
  english: boolean;
  /** Runs on an item with no text; the other item rules skip such items. */
  onEmpty?: boolean;
}

/** A problem a rule found in one item; offsets are into the item text. */
export interface RuleHit {
  start: number;
  end: number;
  message: string;
  suggestion?: string;
  /** A softer or harder case of the rule than its default. Config overrides still win. */
  severity?: Severity;
}

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A mechanical rewrite the editor offers as a code action; edits are offsets into the item text. */
export interface QuickFix {
  title: string;
  edits: TextEdit[];
}

export interface RuleEnv {
  lexicon: Lexicon;
}

/** A rule that judges one item at a time (its result is cached by the item's text). */
export interface ItemRule extends RuleMeta {
  level: 'item';
  appliesTo: ItemKind;
  check(item: ItemText, env: RuleEnv): RuleHit[];
  fixes?(finding: Finding, text: string): QuickFix[];
}

export interface ItemView {
  item: SpecItem;
  /** Index in `doc.sections`. */
  section: number;
  facts: ItemFacts;
  report: ItemReport;
}

export interface RowView {
  row: EdgeCaseRow;
  section: number;
  facts: ItemFacts;
}

/** The whole spec as the spec-level rules see it. */
export interface SpecView {
  doc: SpecDocument;
  items: ItemView[];
  byKind: Record<ItemKind, ItemView[]>;
  rows: RowView[];
  /** Index of the first section with each template key. */
  sectionIndex: Map<string, number>;
  itemPlace(view: ItemView, start?: number, end?: number): Place;
  rowPlace(view: RowView): Place;
  sectionPlace(section: number): Place;
}

export interface SpecHit {
  message: string;
  places: Place[];
  suggestion?: string;
  severity?: Severity;
}

/**
 * A rule over the whole spec: cross-section checks and numbering. Runs on every lint. A rule
 * that compares items with each other should be a generator: the engine stops pulling hits
 * past its per-rule cap, so a quadratic rule does no more work than the cap needs.
 */
export interface SpecRule extends RuleMeta {
  level: 'spec';
  check(spec: SpecView, env: RuleEnv): Iterable<SpecHit>;
}

export type Rule = ItemRule | SpecRule;

export function hit(start: number, end: number, message: string, extra: Partial<RuleHit> = {}): RuleHit {
  return { start, end, message, ...extra };
}
