export { mergeSections, type MergeOptions } from './merge-sections.js';
export { MAX_MERGE_SECTIONS, WHOLE_DOCUMENT_KEY } from './split.js';
export { takeBoth } from './resolve.js';
export type { ConflictKind, MergedSection, MergeResult, SectionConflict } from './types.js';
