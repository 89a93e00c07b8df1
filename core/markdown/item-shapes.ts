import type { CanonicalKind, ItemKind, ItemStyle } from '../spec/model.js';

/**
 * An id at the start of an item, in the styles authors use: "FR-1: …", "**FR-1:** …",
 * "**AC-2**: …", "NFR-1 (Token generation): …", "- AC-3 — …", checklist items "- [ ] AC-4: …"
 * and spec-kit's "**SC-001**: …".
 */
export const ID_PREFIX =
  /^(?:\[[ xX]\][ \t]+)?(?:\*\*|__)?[ \t]*(FR|NFR|AC|SC)-(\d+)\b(?:[ \t]*\(([^)\n]*)\))?[ \t]*(?:\*\*|__)?[ \t]*[:.\u2013\u2014-]?[ \t]*(?:\*\*|__)?[ \t]*/;

/** A native id alone, as in a table cell or a heading name ("FR-01", "**SC-3**", "AC-2 (Login)"). */
export const NATIVE_ID = /^(?:\*\*|__)?(FR|NFR|AC|SC)-(\d+)\b(?:[ \t]*\(([^)\n]*)\))?(?:\*\*|__)?/;

/** Kiro and spec-kit numbering that CommonMark does not read as a list: "1.1. ", "a) ", "(b) ". */
export const ENUM_PREFIX = /^(?:\d+(?:\.\d+)+\.?|[a-z][.)]|\([a-z0-9]{1,3}\))[ \t]+/;

/** "### Requirement 3", "### Requirement 3: Export" — Kiro. */
export const KIRO_REQUIREMENT = /^Requirement\s+(\d+)\b[ \t]*[:.\u2013\u2014-]?[ \t]*(.*)$/i;
/** "### Requirement: Session expiry" — OpenSpec. */
export const OPENSPEC_REQUIREMENT = /^Requirement:\s*(\S.*)$/i;
/** "#### Scenario: Expired token" — OpenSpec. */
export const SCENARIO = /^Scenario:\s*(\S.*)$/i;
/** "### User Story 2 - Export (Priority: P2)" — spec-kit. */
export const USER_STORY = /^User Story\s+(\d+)\b/i;
export const PRIMARY_STORY = /^Primary User Story\b/i;
export const ACCEPTANCE_SCENARIOS = /^Acceptance Scenarios\b\s*:?\s*$/i;
export const ACCEPTANCE_CRITERIA = /^Acceptance Criteria\s*:?\s*$/i;
/** "**User Story:** As a …" — the label is not part of the requirement's text. */
export const USER_STORY_LABEL = /^(?:\*\*|__)?User Story:?(?:\*\*|__)?:?[ \t]*/i;

const NATIVE_ROLE: Record<string, CanonicalKind> = { FR: 'requirement', NFR: 'requirement', AC: 'criterion', SC: 'success-criterion' };

/** The canonical kind a native id prefix means. */
export function nativeRole(prefix: string): CanonicalKind {
  return NATIVE_ROLE[prefix.toUpperCase()] ?? 'criterion';
}

/** How the lint engine judges an item of this kind: NFRs by the NFR rules, requirements as FRs, the rest as criteria. */
export function lintKindOf(role: CanonicalKind, id: string): ItemKind {
  if (role === 'requirement') return /^NFR-/i.test(id) ? 'nfr' : 'fr';
  return 'ac';
}

/** `slug("Session expiry (idle)")` → `session-expiry-idle`: OpenSpec's derived ids. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[`*_]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'untitled'
  );
}

const GIVEN_LEAD = /^[\s*_-]*given(?![\p{L}])/iu;
const EARS_LEAD = /^[\s*_]*(?:when|while|if|where)(?![\p{L}])/iu;
const SHALL = /(?<![\p{L}])shall(?![\p{L}])/iu;
const WHEN = /(?<![\p{L}])when(?![\p{L}])/iu;
const THEN = /(?<![\p{L}])then(?![\p{L}])/iu;

/** The style an item is written in; `checkbox`/`table` come from where it sits, not its words. */
export function styleOf(text: string, where: { checkbox?: boolean; table?: boolean } = {}): ItemStyle {
  if (where.table) return 'table';
  if (where.checkbox) return 'checklist';
  if (GIVEN_LEAD.test(text)) return 'gwt';
  if (SHALL.test(text)) return 'ears';
  if (WHEN.test(text) && THEN.test(text)) return 'gwt';
  if (EARS_LEAD.test(text)) return 'ears';
  return 'plain';
}
