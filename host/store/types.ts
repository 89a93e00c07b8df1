import type { SpecListItem, SpecSource } from '../../core/contract/ops/specs.js';
import type { VersionDetail, VersionInfo } from '../../core/contract/ops/versions.js';
import type { Draft } from '../../core/contract/ops/drafts.js';

export type { SpecListItem, SpecSource, VersionDetail, VersionInfo, Draft };
export type { SpecListArgs, SpecSort, SpecState, ExportResult } from '../../core/contract/ops/specs.js';
export type { SearchHit, HighlightedText } from '../../core/contract/ops/search.js';

export interface CreateSpecInput {
  source: SpecSource;
  author?: string;
  message?: string;
  /** Lint readiness (0–100) of the initial text; omitted, it is computed with the default lint rules. */
  readiness?: number | null;
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
  /** Lint readiness (0–100) as the editor computed it; omitted, it is computed with the default lint rules; null stores none. */
  readiness?: number | null;
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
}

export interface SaveDraftInput {
  specId: number;
  markdown: string;
  bom?: boolean;
  cursor?: { line: number; column: number };
  baseVersionId?: number;
}

export interface ImportResult {
  imported: Array<{ file: string; specId: number; title: string }>;
  skipped: Array<{ file: string; code: string; reason: string }>;
}

export interface BackupFile {
  path: string;
  bytes: number;
  modifiedAt: string;
}
