import type { PgDatabase } from '../../db/pg/pg-database.js';
import { getDraft, removeDraft, upsertDraft } from '../../db/pg/queries/drafts.js';
import { carriedDismissals, listFindingStateRows, setFindingStateRow } from '../../db/pg/queries/finding-states.js';
import { touchSpec } from '../../db/pg/queries/specs.js';
import { addValidationRun, listValidationRunRows } from '../../db/pg/queries/validation-runs.js';
import { versionById } from '../../db/pg/queries/versions.js';
import { HostError } from '../../common/host-error.js';
import type { SpecRepository } from '../contract/store-contract.js';
import { prepareContent } from '../history.js';
import { notFound, nowIso } from '../session.js';
import { pgDiffVersions, pgGetVersion, pgListVersions, pgRestoreVersion, pgSaveVersion } from './pg-history.js';
import { fitsInt, refuseNul } from './pg-limits.js';
import {
  pgCreateSpec,
  pgEmptyTrash,
  pgListSpecs,
  pgOpenSpec,
  pgRenameSpec,
  pgRestoreSpec,
  pgSetArchived,
  pgSpecItem,
  pgTrashSpec,
  requireSpec,
  lockedSpec,
} from './pg-library.js';
import { pgSearch } from './pg-search.js';

/**
 * The spec library on PostgreSQL (the team server): the same observable behaviour as the
 * SQLite `SpecStore` — results, HostError codes and messages, content hashing, version
 * numbering, drafts, search hits — with the same pure functions computing titles, counts,
 * fingerprints and changes. Every multi-statement write is one transaction; a save locks its
 * spec row, so concurrent saves from several processes number their versions without gaps or
 * duplicates. `test/host/store/contract/` runs one suite against both dialects.
 */
export function pgSpecRepository(db: PgDatabase): SpecRepository {
  return {
    listSpecs: (args) => pgListSpecs(db, args),
    getSpec: (id) => pgOpenSpec(db, id),
    createSpec: (input, options) => pgCreateSpec(db, input, options),
    renameSpec: (id, title) => pgRenameSpec(db, id, title),
    setArchived: (id, archived) => pgSetArchived(db, id, archived),
    trashSpec: (id) => pgTrashSpec(db, id),
    restoreSpec: (id) => pgRestoreSpec(db, id),
    emptyTrash: (ids) => pgEmptyTrash(db, ids),

    saveVersion: (input, options) => pgSaveVersion(db, input, options),
    listVersions: (specId) => pgListVersions(db, specId),
    getVersion: (specId, number) => pgGetVersion(db, specId, number),
    restoreVersion: (specId, number, meta) => pgRestoreVersion(db, specId, number, meta),
    diffVersions: (specId, from, to, context) => pgDiffVersions(db, specId, from, to, context),

    /** Replaces the spec's draft and marks the spec edited, in one transaction. */
    async saveDraft(input) {
      prepareContent(input.markdown);
      refuseNul(input.markdown, 'draft');
      return db.tx(async (q) => {
        const spec = await lockedSpec(q, input.specId);
        if (spec.state === 'trashed') throw new HostError('SPEC_TRASHED', `spec ${input.specId} is in the trash; restore it before editing`);
        let base: number | null = null;
        if (input.baseVersionId !== undefined) {
          const version = fitsInt(input.baseVersionId) ? await versionById(q, input.baseVersionId) : null;
          if (!version || version.spec_id !== input.specId) throw notFound(`version id ${input.baseVersionId} of spec ${input.specId}`);
          base = version.id;
        }
        const updatedAt = nowIso();
        await upsertDraft(q, {
          spec_id: input.specId,
          markdown: input.markdown,
          bom: input.bom ? 1 : 0,
          cursor_line: input.cursor?.line ?? 1,
          cursor_column: input.cursor?.column ?? 1,
          base_version_id: base,
          updated_at: updatedAt,
        });
        await touchSpec(q, input.specId, updatedAt);
        return { updatedAt };
      });
    },
    async loadDraft(specId) {
      await requireSpec(db, specId);
      return (await getDraft(db, specId)) ?? null;
    },
    async discardDraft(specId) {
      await requireSpec(db, specId);
      return removeDraft(db, specId);
    },

    search: (query, options) => pgSearch(db, query, options),

    async setFindingState(input) {
      // An unknown spec is NOT_FOUND, not the FOREIGN KEY failure the insert would raise.
      await pgSpecItem(db, input.specId);
      for (const [text, what] of [[input.contentHash, 'content hash'], [input.findingId, 'finding id'], [input.note, 'note']] as const) refuseNul(text, what);
      await setFindingStateRow(db, { ...input, note: input.note ?? null, updatedAt: nowIso() });
    },
    /** The states of findings on this content, plus dismissals on earlier contents (see SpecStore.listFindingStates). */
    async listFindingStates(specId, contentHash) {
      if (!fitsInt(specId) || contentHash.includes('\u0000')) return [];
      return db.tx(async (q) => [...(await listFindingStateRows(q, specId, contentHash)), ...(await carriedDismissals(q, specId, contentHash))], { isolation: 'repeatable read' });
    },

    async recordValidationRun(run) {
      await pgSpecItem(db, run.specId);
      for (const [text, what] of [[run.contentHash, 'content hash'], [run.target, 'target'], [run.defect, 'defect']] as const) refuseNul(text, what);
      return addValidationRun(db, { ...run, createdAt: nowIso() });
    },
    async listValidationRuns(specId, contentHash) {
      return fitsInt(specId) && !contentHash.includes('\u0000') ? listValidationRunRows(db, specId, contentHash) : [];
    },
  };
}
