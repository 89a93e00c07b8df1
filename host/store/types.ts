import type { SpecListItem, SpecSource } from '../../core/contract/ops/specs.js';
import type { SaveMerge, VersionDetail, VersionInfo } from '../../core/contract/ops/versions.js';
import type { Draft } from '../../core/contract/ops/drafts.js';
import type { LintConfigInput } from '../../core/lint/index.js';

export type { SpecListItem, SpecSource, VersionDetail, VersionInfo, Draft };
export type { SpecListArgs, SpecSort, SpecState, ExportResult } from '../../core/contract/ops/specs.js';
export type { SearchHit, HighlightedText } from '../../core/contract/ops/search.js';

export interface CreateSpecInput {
  source: SpecSource;
  author?: string;
  message?: string;
  /** Host-internal override of the readiness (benchmarks, tests); never taken from a client. Omitted, it is computed with `lintConfig`. */
  readiness?: number | null;
  /** The spec's `.specbench.json` settings the readiness is computed with; the default rules without. */
  lintConfig?: LintConfigInput;
}

export interface CreatedSpec {
  spec: SpecListItem;
  version: VersionInfo;
}

export interface OpenedSpec {
  spec: SpecListItem;
  head: VersionDetail;
  draft: Draft | null;
}

export interface SaveVersionInput {
  specId: number;
  markdown: string;
  bom?: boolean;
  author?: string;
  message?: string;
  /** Host-internal override of the readiness (benchmarks, tests); never taken from a client; null stores none. Omitted, it is computed with `lintConfig`. */
  readiness?: number | null;
  /** The spec's `.specbench.json` settings the readiness is computed with; the default rules without. */
  lintConfig?: LintConfigInput;
  /** The version the editor started from; see `SaveVersionResult.newerVersionExists`. */
  baseVersionId?: number;
}

export interface SaveVersionResult {
  version: VersionInfo;
  /** False when the text equals the newest version: no row was added. */
  created: boolean;
  /** The newest version before this save was not `baseVersionId` (another window saved). The save still happened. */
  newerVersionExists: boolean;
  /** The spec's draft held exactly this text and was dropped in the same transaction. */
  draftCleared: boolean;
  /** A stale save merged with the head, or a conflict (see `host/team/stale-save.ts`); the store itself never sets it. */
  merge?: SaveMerge;
}

export interface SaveDraftInput {
  specId: number;
  markdown: string;
  bom?: boolean;
  cursor?: { line: number; column: number };
  baseVersionId?: number;
}

export interface ImportResult {
  /** Files that became new specs. */
  imported: Array<{ file: string; specId: number; title: string }>;
  /** Files imported before whose text changed: one new version of the same spec each. */
  updated: Array<{ file: string; specId: number; version: number }>;
  /** Files imported before and unchanged: nothing added. */
  unchanged: Array<{ file: string; specId: number }>;
  skipped: Array<{ file: string; code: string; reason: string }>;
}

export interface BackupFile {
  path: string;
  bytes: number;
  modifiedAt: string;
}
