import { parseSpec } from '../../core/markdown/parse.js';
import { MAX_SPEC_BYTES, loneSurrogateIndex, loneSurrogateMessage, tooLargeMessage } from '../../core/markdown/utf8.js';
import { diffSpecs } from '../../core/diff/semantic-diff.js';
import { compareFingerprints, fingerprintSpec, parseFingerprint, serializeFingerprint, FINGERPRINT_VERSION } from '../../core/diff/fingerprint.js';
import type { ChangeSummary, SpecDiff, SpecFingerprint } from '../../core/diff/types.js';
import type { VersionDetail, VersionInfo } from '../../core/contract/ops/versions.js';
import { HostError } from '../common/host-error.js';
import { toVersionInfo, type VersionRow } from '../db/queries/versions.js';
import { analyzeMarkdown, type VersionAnalysis } from './analyze.js';
import { contentHash } from './content-hash.js';
import { defaultAuthor, notFound, nowIso, writeTransaction, type StoreSession } from './session.js';
import type { SaveVersionInput, SaveVersionResult } from './types.js';

/** A text ready to store: its content address and size, checked against the 5 MB limit. */
export interface PreparedContent {
  markdown: string;
  hash: string;
  bytes: number;
}

export function prepareContent(markdown: string): PreparedContent {
  const { hash, bytes } = contentHash(markdown);
  if (bytes > MAX_SPEC_BYTES) throw new HostError('FILE_TOO_LARGE', `the spec is too large to save: ${tooLargeMessage(bytes)}`);
  // SQLite would store a lone surrogate as U+FFFD: a silent change to the user's text.
  const lone = loneSurrogateIndex(markdown);
  if (lone >= 0) throw new HostError('INVALID_TEXT', `the spec was not saved: ${loneSurrogateMessage(markdown, lone)}`);
  return { markdown, hash, bytes };
}

/** A version row to insert, everything computed (both dialects insert from this). */
export interface NewVersion {
  specId: number;
  number: number;
  content: PreparedContent;
  bom: boolean;
  author: string;
  message: string;
  now: string;
  analysis: VersionAnalysis;
  /** `analysis.fingerprint` as stored, serialised before the transaction. */
  fingerprintJson: string;
  readiness: number | null;
  restoredFrom: number | null;
  changes: ChangeSummary | null;
}

const FINGERPRINT_CACHE_SIZE = 32;

/** The stored fingerprint of a version, from the cache when recent. */
function fingerprintOf(s: StoreSession, row: VersionRow): SpecFingerprint {
  const cached = s.fingerprints.get(row.id);
  if (cached) return cached;
  const stored = parseFingerprint(row.fingerprint);
  // Digests from an older fingerprint scheme would report spurious changes; recompute from the text.
  const fingerprint = stored.v === FINGERPRINT_VERSION ? stored : fingerprintSpec(parseSpec(s.q.versions.markdown(row.content_id)!));
  remember(s, row.id, fingerprint);
  return fingerprint;
}

function remember(s: StoreSession, versionId: number, fingerprint: SpecFingerprint): void {
  s.fingerprints.set(versionId, fingerprint);
  if (s.fingerprints.size > FINGERPRINT_CACHE_SIZE) s.fingerprints.delete(s.fingerprints.keys().next().value!);
}

/**
 * The version a save adds on top of `headNumber`: the caller's author/message/readiness or their
 * defaults, the analysis, and the change summary (both dialects' saves build it the same way).
 */
export function nextVersion(
  input: Pick<SaveVersionInput, 'specId' | 'author' | 'message' | 'readiness'>,
  parts: { headNumber: number; content: PreparedContent; bom: boolean; analysis: VersionAnalysis; fingerprintJson: string; restoredFrom?: number | null; changes: ChangeSummary | null },
): NewVersion {
  return {
    specId: input.specId,
    number: parts.headNumber + 1,
    content: parts.content,
    bom: parts.bom,
    author: input.author ?? defaultAuthor(),
    message: input.message ?? '',
    now: nowIso(),
    analysis: parts.analysis,
    fingerprintJson: parts.fingerprintJson || serializeFingerprint(parts.analysis.fingerprint),
    readiness: input.readiness !== undefined ? input.readiness : parts.analysis.readiness,
    restoredFrom: parts.restoredFrom ?? null,
    changes: parts.changes,
  };
}

/** The stored row of a new version (both dialects store the same columns). */
export function versionRowOf(v: NewVersion, contentId: number) {
  return {
    spec_id: v.specId,
    number: v.number,
    content_id: contentId,
    bom: v.bom ? 1 : 0,
    author: v.author,
    message: v.message,
    created_at: v.now,
    title: v.analysis.title,
    status: v.analysis.status,
    template: v.analysis.template,
    section_count: v.analysis.counts.sections,
    fr_count: v.analysis.counts.fr,
    nfr_count: v.analysis.counts.nfr,
    ac_count: v.analysis.counts.ac,
    row_count: v.analysis.counts.rows,
    readiness: v.readiness,
    restored_from: v.restoredFrom,
    fingerprint: v.fingerprintJson,
    changes: v.changes ? JSON.stringify(v.changes) : null,
  };
}

/** Inserts content (once per hash) and the version row, and marks the spec edited. Call inside a write transaction. */
export function insertVersion(s: StoreSession, v: NewVersion): number {
  const contentId = s.q.versions.storeContent(v.content.hash, v.content.markdown, v.content.bytes);
  const id = s.q.versions.insert(versionRowOf(v, contentId));
  s.q.specs.touch(v.specId, v.now);
  remember(s, id, v.analysis.fingerprint);
  return id;
}

/** The parsed summary stored with a version row (a restore copies it instead of re-parsing). */
export function analysisOf(row: VersionRow): VersionAnalysis {
  return {
    title: row.title,
    status: row.status,
    template: row.template,
    counts: { sections: row.section_count, fr: row.fr_count, nfr: row.nfr_count, ac: row.ac_count, rows: row.row_count },
    fingerprint: parseFingerprint(row.fingerprint),
    readiness: row.readiness,
  };
}

export interface CommitOptions {
  /** Parsed summary already at hand (a restore copies it); otherwise the text is parsed outside the transaction. */
  analysis?: VersionAnalysis;
  restoredFrom?: number | null;
}

/**
 * Saves a new immutable version unless the text (and byte-order mark) equals the newest one.
 * Content, version row, spec timestamp and the matching draft change in one transaction,
 * which has committed (synchronous=FULL) when this returns. Parsing, hashing and the change
 * summary are computed before the write lock is taken; only if another writer moved the head
 * in between is the summary recomputed inside.
 */
export function saveVersion(s: StoreSession, input: SaveVersionInput, options: CommitOptions = {}): SaveVersionResult {
  const content = prepareContent(input.markdown);
  const bom = input.bom ?? false;
  const sameAs = (head: VersionRow | undefined) => head !== undefined && head.hash === content.hash && (head.bom === 1) === bom;

  const headBefore = s.q.versions.head(input.specId);
  const fresh = !sameAs(headBefore);
  const lint = input.readiness === undefined;
  const analysis = options.analysis ?? (fresh ? analyzeMarkdown(input.markdown, { lint, lintConfig: input.lintConfig }) : undefined);
  const fingerprintJson = analysis ? serializeFingerprint(analysis.fingerprint) : '';
  const changesBefore = analysis && headBefore && fresh ? compareFingerprints(fingerprintOf(s, headBefore), analysis.fingerprint) : null;

  return writeTransaction(s, () => {
    const spec = s.q.specs.get(input.specId);
    if (!spec) throw notFound(`spec ${input.specId}`);
    if (spec.state === 'trashed') throw new HostError('SPEC_TRASHED', `spec ${input.specId} is in the trash; restore it before saving`);
    const head = s.q.versions.head(input.specId)!;
    const newerVersionExists = input.baseVersionId !== undefined && head.id !== input.baseVersionId;
    if (sameAs(head)) {
      const draftCleared = s.q.drafts.removeIfSame(input.specId, input.markdown, bom);
      return { version: toVersionInfo(head), created: false, newerVersionExists, draftCleared };
    }
    const final = analysis ?? analyzeMarkdown(input.markdown, { lint, lintConfig: input.lintConfig });
    const changes = head.id === headBefore?.id && changesBefore ? changesBefore : compareFingerprints(fingerprintOf(s, head), final.fingerprint);
    const id = insertVersion(s, nextVersion(input, { headNumber: head.number, content, bom, analysis: final, fingerprintJson, restoredFrom: options.restoredFrom, changes }));
    const draftCleared = s.q.drafts.removeIfSame(input.specId, input.markdown, bom);
    return { version: toVersionInfo(s.q.versions.byId(id)!), created: true, newerVersionExists, draftCleared };
  });
}

function versionRow(s: StoreSession, specId: number, number: number): VersionRow {
  if (!s.q.specs.get(specId)) throw notFound(`spec ${specId}`);
  const row = s.q.versions.byNumber(specId, number);
  if (!row) throw notFound(`version ${number} of spec ${specId}`);
  return row;
}

/** Newest first. */
export function listVersions(s: StoreSession, specId: number): VersionInfo[] {
  if (!s.q.specs.get(specId)) throw notFound(`spec ${specId}`);
  return s.q.versions.list(specId).map(toVersionInfo);
}

export function getVersion(s: StoreSession, specId: number, number: number): VersionDetail {
  const row = versionRow(s, specId, number);
  return { ...toVersionInfo(row), markdown: s.q.versions.markdown(row.content_id)! };
}

/** Restoring saves the old text as a new version (copying its parsed summary); nothing is rewritten. */
export function restoreVersion(
  s: StoreSession,
  specId: number,
  number: number,
  meta: { author?: string; message?: string } = {},
): { version: VersionInfo; created: boolean } {
  const row = versionRow(s, specId, number);
  const result = saveVersion(
    s,
    {
      specId,
      markdown: s.q.versions.markdown(row.content_id)!,
      bom: row.bom === 1,
      author: meta.author,
      message: meta.message ?? `Restored version ${number}`,
    },
    { analysis: analysisOf(row), restoredFrom: number },
  );
  return { version: result.version, created: result.created };
}

export function diffVersions(s: StoreSession, specId: number, from: number, to: number, context = 3): SpecDiff {
  const a = getVersion(s, specId, from);
  const b = getVersion(s, specId, to);
  return diffSpecs(a.markdown, b.markdown, { context });
}
