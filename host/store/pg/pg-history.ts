import { parseSpec } from '../../../core/markdown/parse.js';
import { diffSpecs } from '../../../core/diff/semantic-diff.js';
import { compareFingerprints, fingerprintSpec, parseFingerprint, serializeFingerprint, FINGERPRINT_VERSION } from '../../../core/diff/fingerprint.js';
import type { SpecDiff, SpecFingerprint } from '../../../core/diff/types.js';
import type { VersionDetail, VersionInfo } from '../../../core/contract/ops/versions.js';
import { HostError } from '../../common/host-error.js';
import type { PgDatabase, PgQueryable } from '../../db/pg/pg-database.js';
import { getSpecRow, lockSpecRow, touchSpec } from '../../db/pg/queries/specs.js';
import { contentMarkdown, headVersion, insertVersionRow, listVersionRows, storeContent, versionByNumber, versionById } from '../../db/pg/queries/versions.js';
import { removeDraftIfSame } from '../../db/pg/queries/drafts.js';
import { toVersionInfo, type VersionRow } from '../../db/queries/versions.js';
import { analyzeMarkdown } from '../analyze.js';
import { analysisOf, nextVersion, prepareContent, versionRowOf, type CommitOptions, type NewVersion } from '../history.js';
import { notFound } from '../session.js';
import type { SaveVersionInput, SaveVersionResult } from '../types.js';
import { fitsInt, refuseNul } from './pg-limits.js';

/* Immutable versions on PostgreSQL, as `host/store/history.ts` on SQLite: same numbering, hashing and summaries. */

/** The stored fingerprint of a version; one from an older scheme is recomputed from the text. */
async function fingerprintOf(q: PgQueryable, row: VersionRow): Promise<SpecFingerprint> {
  const stored = parseFingerprint(row.fingerprint);
  return stored.v === FINGERPRINT_VERSION ? stored : fingerprintSpec(parseSpec((await contentMarkdown(q, row.content_id))!));
}

/** Inserts content (once per hash) and the version row, and marks the spec edited. Call inside a transaction. */
export async function insertPgVersion(q: PgQueryable, v: NewVersion): Promise<number> {
  const contentId = await storeContent(q, v.content.hash, v.content.markdown, v.content.bytes);
  const id = await insertVersionRow(q, versionRowOf(v, contentId));
  await touchSpec(q, v.specId, v.now);
  return id;
}

/**
 * Saves a new immutable version unless the text (and byte-order mark) equals the newest one.
 * Parsing and hashing happen before the transaction; inside it the spec row is locked
 * (`FOR UPDATE`), so two processes saving one spec queue and never pick the same number.
 */
export async function pgSaveVersion(db: PgDatabase, input: SaveVersionInput, options: CommitOptions = {}): Promise<SaveVersionResult> {
  const content = prepareContent(input.markdown);
  const bom = input.bom ?? false;
  const sameAs = (head: VersionRow | null) => head !== null && head.hash === content.hash && (head.bom === 1) === bom;
  if (!fitsInt(input.specId)) throw notFound(`spec ${input.specId}`);
  refuseNul(input.markdown, 'spec');
  refuseNul(input.author, 'author');
  refuseNul(input.message, 'version message');

  const headBefore = await headVersion(db, input.specId);
  const fresh = !sameAs(headBefore);
  const lint = input.readiness === undefined;
  const analysis = options.analysis ?? (fresh ? analyzeMarkdown(input.markdown, { lint, lintConfig: input.lintConfig }) : undefined);
  const fingerprintJson = analysis ? serializeFingerprint(analysis.fingerprint) : '';
  const changesBefore = analysis && headBefore && fresh ? compareFingerprints(await fingerprintOf(db, headBefore), analysis.fingerprint) : null;

  return db.tx(async (q) => {
    const spec = await lockSpecRow(q, input.specId);
    if (!spec) throw notFound(`spec ${input.specId}`);
    if (spec.state === 'trashed') throw new HostError('SPEC_TRASHED', `spec ${input.specId} is in the trash; restore it before saving`);
    const head = (await headVersion(q, input.specId))!;
    const newerVersionExists = input.baseVersionId !== undefined && head.id !== input.baseVersionId;
    if (sameAs(head)) {
      const draftCleared = await removeDraftIfSame(q, input.specId, input.markdown, bom);
      return { version: toVersionInfo(head), created: false, newerVersionExists, draftCleared };
    }
    const final = analysis ?? analyzeMarkdown(input.markdown, { lint, lintConfig: input.lintConfig });
    const changes = head.id === headBefore?.id && changesBefore ? changesBefore : compareFingerprints(await fingerprintOf(q, head), final.fingerprint);
    const id = await insertPgVersion(q, nextVersion(input, { headNumber: head.number, content, bom, analysis: final, fingerprintJson, restoredFrom: options.restoredFrom, changes }));
    const draftCleared = await removeDraftIfSame(q, input.specId, input.markdown, bom);
    return { version: toVersionInfo((await versionById(q, id))!), created: true, newerVersionExists, draftCleared };
  });
}

async function versionRow(q: PgQueryable, specId: number, number: number): Promise<VersionRow> {
  if (!fitsInt(specId) || !(await getSpecRow(q, specId))) throw notFound(`spec ${specId}`);
  const row = fitsInt(number) ? await versionByNumber(q, specId, number) : null;
  if (!row) throw notFound(`version ${number} of spec ${specId}`);
  return row;
}

/** Newest first. */
export async function pgListVersions(db: PgDatabase, specId: number): Promise<VersionInfo[]> {
  if (!fitsInt(specId) || !(await getSpecRow(db, specId))) throw notFound(`spec ${specId}`);
  return (await listVersionRows(db, specId)).map(toVersionInfo);
}

export async function pgGetVersion(q: PgQueryable, specId: number, number: number): Promise<VersionDetail> {
  const row = await versionRow(q, specId, number);
  return { ...toVersionInfo(row), markdown: (await contentMarkdown(q, row.content_id))! };
}

/** Restoring saves the old text as a new version (copying its parsed summary); nothing is rewritten. */
export async function pgRestoreVersion(
  db: PgDatabase,
  specId: number,
  number: number,
  meta: { author?: string; message?: string } = {},
): Promise<{ version: VersionInfo; created: boolean }> {
  const row = await versionRow(db, specId, number);
  const result = await pgSaveVersion(
    db,
    {
      specId,
      markdown: (await contentMarkdown(db, row.content_id))!,
      bom: row.bom === 1,
      author: meta.author,
      message: meta.message ?? `Restored version ${number}`,
    },
    { analysis: analysisOf(row), restoredFrom: number },
  );
  return { version: result.version, created: result.created };
}

export async function pgDiffVersions(db: PgDatabase, specId: number, from: number, to: number, context = 3): Promise<SpecDiff> {
  const a = await pgGetVersion(db, specId, from);
  const b = await pgGetVersion(db, specId, to);
  return diffSpecs(a.markdown, b.markdown, { context });
}
