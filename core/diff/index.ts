export type { ChangeKind, ChangeSummary, DiffLine, Hunk, ItemChange, RowChange, SectionChange, SectionDiff, SpecDiff, SpecFingerprint } from './types.js';
export { diffDocuments, diffSpecs, type DiffOptions } from './semantic-diff.js';
export { compareFingerprints, fingerprintSpec, isEmptySummary, parseFingerprint, serializeFingerprint, FINGERPRINT_VERSION } from './fingerprint.js';
export { describeChanges } from './describe.js';
export { diffLineArrays, diffLines, formatHunks, splitLines, type HunkOptions, type LineEdit } from './line-diff.js';
