import type { SpecListArgs, SpecListItem } from '../../../core/contract/ops/specs.js';
import { HostError } from '../../common/host-error.js';
import type { PgDatabase, PgQueryable } from '../../db/pg/pg-database.js';
import {
  deleteTrashedSpecs,
  getSpecRow,
  insertSpec,
  listSpecItems,
  lockSpecRow,
  setSpecState,
  setSpecTitle,
  specListItem,
  trashedSpecIds,
} from '../../db/pg/queries/specs.js';
import { contentMarkdown, deleteOrphanContents, versionById } from '../../db/pg/queries/versions.js';
import { getDraft } from '../../db/pg/queries/drafts.js';
import { toVersionInfo } from '../../db/queries/versions.js';
import type { VersionAnalysis } from '../analyze.js';
import { planNewSpec } from '../library.js';
import { notFound, nowIso } from '../session.js';
import type { CreateSpecInput, CreatedSpec, OpenedSpec } from '../types.js';
import { insertPgVersion } from './pg-history.js';
import { fitsInt, refuseNul } from './pg-limits.js';
import type { SpecRow } from '../../db/queries/specs.js';

/* The library (create, list, open, rename, archive, trash) on PostgreSQL, as `host/store/library.ts` on SQLite. */

export async function pgSpecItem(q: PgQueryable, id: number): Promise<SpecListItem> {
  const item = fitsInt(id) ? await specListItem(q, id) : undefined;
  if (!item) throw notFound(`spec ${id}`);
  return item;
}

export async function pgCreateSpec(db: PgDatabase, input: CreateSpecInput, options: { analysis?: VersionAnalysis } = {}): Promise<CreatedSpec> {
  const plan = planNewSpec(input, options);
  refuseNul(plan.content.markdown, 'spec');
  for (const [text, what] of [[plan.author, 'author'], [plan.message, 'version message'], [plan.customTitle, 'title'], [plan.importName, 'file name']] as const) refuseNul(text, what);
  return db.tx(async (q) => {
    const now = nowIso();
    const specId = await insertSpec(q, plan.customTitle, plan.importName, now);
    const versionId = await insertPgVersion(q, {
      specId,
      number: 1,
      content: plan.content,
      bom: plan.bom,
      author: plan.author,
      message: plan.message,
      now,
      analysis: plan.analysis,
      fingerprintJson: plan.fingerprintJson,
      readiness: plan.readiness,
      restoredFrom: null,
      changes: null,
    });
    return { spec: await pgSpecItem(q, specId), version: toVersionInfo((await versionById(q, versionId))!) };
  });
}

export async function pgListSpecs(db: PgDatabase, args: SpecListArgs = {}): Promise<SpecListItem[]> {
  // No stored text holds NUL here, so a filter with one matches nothing (as it would in SQLite).
  if (args.status?.includes('\u0000') || args.titleContains?.includes('\u0000')) return [];
  return listSpecItems(db, {
    state: args.state ?? 'active',
    status: args.status,
    titleContains: args.titleContains,
    sort: args.sort ?? 'lastEdited',
    direction: args.direction,
  });
}

/** A spec with its newest version's Markdown and its draft, read in one snapshot so a concurrent save cannot split them. */
export function pgOpenSpec(db: PgDatabase, id: number): Promise<OpenedSpec> {
  return db.tx(
    async (q) => {
      const spec = await pgSpecItem(q, id);
      const head = (await versionById(q, spec.headVersionId))!;
      return {
        spec,
        head: { ...toVersionInfo(head), markdown: (await contentMarkdown(q, head.content_id))! },
        draft: (await getDraft(q, id)) ?? null,
      };
    },
    { isolation: 'repeatable read' },
  );
}

export async function pgRenameSpec(db: PgDatabase, id: number, title: string): Promise<SpecListItem> {
  const clean = title.trim();
  if (!clean) throw new HostError('INVALID_ARGUMENTS', 'a spec title cannot be empty');
  refuseNul(clean, 'title');
  return db.tx(async (q) => {
    await lockedSpec(q, id);
    await setSpecTitle(q, id, clean, nowIso());
    return pgSpecItem(q, id);
  });
}

export function pgSetArchived(db: PgDatabase, id: number, archived: boolean): Promise<SpecListItem> {
  return db.tx(async (q) => {
    const spec = await lockedSpec(q, id);
    if (spec.state === 'trashed') throw new HostError('SPEC_TRASHED', `spec ${id} is in the trash; restore it first`);
    await setSpecState(q, id, archived ? 'archived' : 'active', null, null);
    return pgSpecItem(q, id);
  });
}

export function pgTrashSpec(db: PgDatabase, id: number): Promise<SpecListItem> {
  return db.tx(async (q) => {
    const spec = await lockedSpec(q, id);
    if (spec.state !== 'trashed') await setSpecState(q, id, 'trashed', spec.state, nowIso());
    return pgSpecItem(q, id);
  });
}

export function pgRestoreSpec(db: PgDatabase, id: number): Promise<SpecListItem> {
  return db.tx(async (q) => {
    const spec = await lockedSpec(q, id);
    if (spec.state === 'trashed') await setSpecState(q, id, spec.state_before_trash ?? 'active', null, null);
    return pgSpecItem(q, id);
  });
}

/** Deletes trashed specs (all, or those of `ids` that are trashed) and the texts no version needs any more. */
export function pgEmptyTrash(db: PgDatabase, ids?: number[]): Promise<number> {
  return db.tx(async (q) => {
    const targets = ids ?? (await trashedSpecIds(q));
    const wanted = [...new Set(targets)].filter(fitsInt);
    const deleted = wanted.length ? await deleteTrashedSpecs(q, wanted) : 0;
    if (deleted > 0) await deleteOrphanContents(q);
    return deleted;
  });
}

/** NOT_FOUND unless the spec exists; for operations that only need to know that. */
export async function requireSpec(q: PgQueryable, id: number): Promise<void> {
  if (!fitsInt(id) || !(await getSpecRow(q, id))) throw notFound(`spec ${id}`);
}

/** The spec row, locked for this transaction, or NOT_FOUND. */
export async function lockedSpec(q: PgQueryable, id: number): Promise<SpecRow> {
  const spec = fitsInt(id) ? await lockSpecRow(q, id) : null;
  if (!spec) throw notFound(`spec ${id}`);
  return spec;
}
