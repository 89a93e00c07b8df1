export type { AnchorMethod, Placement, RequirementRange, TextSelector } from './types.js';
export { indexDocument, requirementAt, requirementRanges, type AnchorIndex } from './requirement-ranges.js';
export { CONTEXT_CHARS, createSelector, refreshSelector } from './selector.js';
export { reanchor, shiftSelector, type TextEdit, LONE_QUOTE_MIN_LENGTH, MIN_CONTEXT_MATCH, REWORD_MAX_DIFFERENCE } from './reanchor.js';
export { difference, fuzzyFind, FUZZY_DISTANCE, FUZZY_MAX_DIFFERENCE, FUZZY_MIN_LENGTH, FUZZY_THRESHOLD } from './fuzzy.js';
export { verdictStaleness, type Staleness } from './staleness.js';
export { suggestionEdit, TEXT_CHANGED_MESSAGE, type SuggestionEdit } from './suggestion.js';
export { parseReviewPackage, reviewPackageSchema, REVIEW_PACKAGE_SCHEMA, type PackageComment, type PackageParse, type PackageThread, type ReviewPackage } from './package-schema.js';
