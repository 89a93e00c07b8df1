import { acAmbiguousPronoun } from './ac/ambiguous-pronoun.js';
import { acCompound } from './ac/compound.js';
import { acEars } from './ac/ears.js';
import { acEmpty } from './ac/empty.js';
import { acEscapeClause } from './ac/escape-clause.js';
import { acLanguageNotSupported } from './ac/language-not-supported.js';
import { acNoObservableOutcome } from './ac/no-observable-outcome.js';
import { acNoTrigger } from './ac/no-trigger.js';
import { acOpenEnded } from './ac/open-ended.js';
import { acUnquantifiedPerformance } from './ac/unquantified-performance.js';
import { acUntestableUniversal } from './ac/untestable-universal.js';
import { acVagueTerm } from './ac/vague-term.js';
import { acWeakModal } from './ac/weak-modal.js';
import { crossDuplicateId } from './cross/duplicate-id.js';
import { crossErrorCodeAlias } from './cross/error-code-alias.js';
import { crossErrorCodeMismatch } from './cross/error-code-mismatch.js';
import { crossMixedFormat } from './cross/mixed-format.js';
import { crossNoAcceptanceCriteria } from './cross/no-acceptance-criteria.js';
import { crossNumberConflict } from './cross/number-conflict.js';
import { crossUncoveredFr } from './cross/uncovered-fr.js';
import { crossUndefinedEndpoint } from './cross/undefined-endpoint.js';
import { crossUnspecifiedEdgeCase } from './cross/unspecified-edge-case.js';
import { crossUnspecifiedStatus } from './cross/unspecified-status.js';
import { crossUntestedEdgeCase } from './cross/untested-edge-case.js';
import { frCompound } from './fr/compound.js';
import { frForm } from './fr/form.js';
import { frId } from './fr/id.js';
import { frLanguageNotSupported } from './fr/language-not-supported.js';
import { frVagueTerm } from './fr/vague-term.js';
import { nfrLanguageNotSupported } from './nfr/language-not-supported.js';
import { nfrUnquantified } from './nfr/unquantified.js';
import { nfrVagueTerm } from './nfr/vague-term.js';
import type { ItemRule, Rule, RuleMeta, SpecRule } from './rule.js';

/** Every rule, in the order findings are listed. Adding a rule: one module, one line here. */
export const rules: readonly Rule[] = [
  acEmpty,
  acLanguageNotSupported,
  acVagueTerm,
  acUnquantifiedPerformance,
  acEscapeClause,
  acOpenEnded,
  acWeakModal,
  acAmbiguousPronoun,
  acUntestableUniversal,
  acNoObservableOutcome,
  acNoTrigger,
  acCompound,
  acEars,
  frLanguageNotSupported,
  frId,
  frForm,
  frCompound,
  frVagueTerm,
  nfrLanguageNotSupported,
  nfrUnquantified,
  nfrVagueTerm,
  crossUncoveredFr,
  crossUndefinedEndpoint,
  crossErrorCodeMismatch,
  crossErrorCodeAlias,
  crossUnspecifiedStatus,
  crossNumberConflict,
  crossUntestedEdgeCase,
  crossUnspecifiedEdgeCase,
  crossDuplicateId,
  crossNoAcceptanceCriteria,
  crossMixedFormat,
];

export const itemRules: readonly ItemRule[] = rules.filter((r): r is ItemRule => r.level === 'item');
export const specRules: readonly SpecRule[] = rules.filter((r): r is SpecRule => r.level === 'spec');
export const ruleIds: readonly string[] = rules.map((r) => r.id);

const byId = new Map<string, Rule>(rules.map((r) => [r.id, r]));

/** A rule by id, or undefined. */
export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

/** The metadata of every rule, without the code: what hovers, `--help` and SARIF show. */
export function ruleMetadata(): RuleMeta[] {
  return rules.map(({ id, severity, title, explanation, english }) => ({ id, severity, title, explanation, english }));
}
