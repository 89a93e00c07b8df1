import { HostError } from '../../common/host-error.js';
import { setSpecOwner, specOwner } from '../../db/pg/queries/access.js';
import type { TeamHandlers } from './registry.js';
import { refusePath } from './not-in-team-mode.js';
import { withSpecRequired } from './decision-ops.js';
import { sanitizeFileName } from '../../../core/spec/file-names.js';

/**
 * The library on the team server. The creating author becomes the spec's owner (migration 005);
 * the author recorded on versions is always the signed-in account, never a client-given name.
 * Library changes publish no live event yet: the contract's live events (FR-5) cover comments,
 * verdicts, saves, validation and presence; other windows see library changes on their next list.
 */
export const specHandlers: TeamHandlers = {
  // With the Library's "spec required?" badges, as the local hosts list them.
  'specs.list': async ({ store }, args) => ({ specs: await withSpecRequired(store, await store.specs.listSpecs(args)) }),
  // The draft is the owner's unsaved autosave: other people open the saved head only.
  'specs.get': async ({ store, actor }, { id }) => {
    const opened = await store.specs.getSpec(id);
    return opened.draft && (await specOwner(store.db, id)) !== actor.account.id ? { ...opened, draft: null } : opened;
  },
  'specs.create': async (ctx, { source, message, file }) => {
    if (file !== undefined) throw new HostError('NOT_IN_TEAM_MODE', 'specs.create cannot link a file on the team server; upload its Markdown instead (source kind "markdown")');
    const analysis = source.kind === 'markdown' ? await ctx.compute.run('analyze', { markdown: source.markdown, lint: true }) : undefined;
    const created = await ctx.store.specs.createSpec({ source, author: ctx.actor.account.name, message }, { analysis });
    // Ownership after the spec exists; if this write failed the spec would be admin-only, never someone else's.
    await setSpecOwner(ctx.store.db, created.spec.id, ctx.actor.account.id, ctx.now());
    return { ...created, created: true };
  },
  'specs.rename': async ({ store }, { id, title }) => store.specs.renameSpec(id, title),
  'specs.archive': async ({ store }, { id, archived }) => store.specs.setArchived(id, archived),
  'specs.trash': async ({ store }, { id }) => store.specs.trashSpec(id),
  'specs.restore': async ({ store }, { id }) => store.specs.restoreSpec(id),
  'specs.emptyTrash': async ({ store }, { ids }) => ({ deleted: await store.specs.emptyTrash(ids) }),
  'specs.export': async ({ store }, { id, version, path }) => {
    refusePath('specs.export', path);
    const { spec } = await store.specs.getSpec(id);
    const detail = await store.specs.getVersion(id, version ?? spec.headVersion);
    const bytes = new TextEncoder().encode(detail.markdown).length + (detail.bom ? 3 : 0);
    return { fileName: sanitizeFileName(spec.importName ?? spec.title, `spec-${id}`), content: detail.markdown, bom: detail.bom, path: null, bytes, version: detail.number };
  },
};
