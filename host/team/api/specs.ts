import { HostError } from '../../common/host-error.js';
import { setSpecOwner } from '../../db/pg/queries/access.js';
import type { TeamHandlers } from './registry.js';
import { refusePath } from './not-in-team-mode.js';
import { sanitizeFileName } from '../../../core/spec/file-names.js';

/**
 * The library on the team server. The creating author becomes the spec's owner (migration 005);
 * the author recorded on versions is always the signed-in account, never a client-given name.
 */
export const specHandlers: TeamHandlers = {
  'specs.list': async ({ store }, args) => ({ specs: await store.specs.listSpecs(args) }),
  'specs.get': async ({ store }, { id }) => store.specs.getSpec(id),
  'specs.create': async (ctx, { source, message, file }) => {
    if (file !== undefined) throw new HostError('NOT_IN_TEAM_MODE', 'specs.create cannot link a file on the team server; upload its Markdown instead (source kind "markdown")');
    const analysis = source.kind === 'markdown' ? await ctx.compute.run('analyze', { markdown: source.markdown, lint: true }) : undefined;
    const created = await ctx.store.specs.createSpec({ source, author: ctx.actor.account.name, message }, { analysis });
    // Ownership after the spec exists; if this write failed the spec would be admin-only, never someone else's.
    await setSpecOwner(ctx.store.db, created.spec.id, ctx.actor.account.id, ctx.now());
    await ctx.publish('team.specChanged', { specId: created.spec.id, change: 'created', by: ctx.by }, created.spec.id);
    return { ...created, created: true };
  },
  'specs.rename': async (ctx, { id, title }) => {
    const spec = await ctx.store.specs.renameSpec(id, title);
    await ctx.publish('team.specChanged', { specId: id, change: 'renamed', by: ctx.by }, id);
    return spec;
  },
  'specs.archive': async (ctx, { id, archived }) => {
    const spec = await ctx.store.specs.setArchived(id, archived);
    await ctx.publish('team.specChanged', { specId: id, change: archived ? 'archived' : 'unarchived', by: ctx.by }, id);
    return spec;
  },
  'specs.trash': async (ctx, { id }) => {
    const spec = await ctx.store.specs.trashSpec(id);
    await ctx.publish('team.specChanged', { specId: id, change: 'trashed', by: ctx.by }, id);
    return spec;
  },
  'specs.restore': async (ctx, { id }) => {
    const spec = await ctx.store.specs.restoreSpec(id);
    await ctx.publish('team.specChanged', { specId: id, change: 'restored', by: ctx.by }, id);
    return spec;
  },
  'specs.emptyTrash': async (ctx, { ids }) => {
    const trashed = (await ctx.store.specs.listSpecs({ state: 'trashed' })).map((s) => s.id).filter((id) => !ids || ids.includes(id));
    const deleted = await ctx.store.specs.emptyTrash(ids);
    for (const specId of trashed) await ctx.publish('team.specChanged', { specId, change: 'deleted', by: ctx.by }, specId);
    return { deleted };
  },
  'specs.export': async ({ store }, { id, version, path }) => {
    refusePath('specs.export', path);
    const { spec } = await store.specs.getSpec(id);
    const detail = await store.specs.getVersion(id, version ?? spec.headVersion);
    const bytes = new TextEncoder().encode(detail.markdown).length + (detail.bom ? 3 : 0);
    return { fileName: sanitizeFileName(spec.importName ?? spec.title, `spec-${id}`), content: detail.markdown, bom: detail.bom, path: null, bytes, version: detail.number };
  },
};
