import { HostError } from '../../common/host-error.js';
import { saveOnTeam } from '../stale-save.js';
import type { TeamHandlers } from './registry.js';

/** Versions and the owner's autosaved draft. Saves go through `saveOnTeam`, which handles a stale base (FR-6). */
export const versionHandlers: TeamHandlers = {
  'versions.save': async (ctx, { file, author: _clientAuthor, ...args }) => {
    if (file !== undefined) throw new HostError('NOT_IN_TEAM_MODE', 'versions.save cannot link a file on the team server; save without "file"');
    // The three-way merge of a stale save runs in the compute pool (time budget, output cap), as locally.
    const result = await saveOnTeam(ctx.store.specs, { ...args, author: ctx.actor.account.name }, (texts) => ctx.compute.run('merge', texts));
    if (result.created) {
      await ctx.publish('team.versionSaved', { specId: args.specId, version: result.version.number, by: ctx.by }, args.specId);
    }
    return result;
  },
  'versions.list': async ({ store }, { specId }) => ({ versions: await store.specs.listVersions(specId) }),
  'versions.get': async ({ store }, { specId, number }) => store.specs.getVersion(specId, number),
  'versions.restore': async (ctx, { specId, number, message }) => {
    const result = await ctx.store.specs.restoreVersion(specId, number, { author: ctx.actor.account.name, message });
    if (result.created) {
      await ctx.publish('team.versionSaved', { specId, version: result.version.number, by: ctx.by }, specId);
    }
    return result;
  },
  // The diff runs in the compute pool (its time budget), as on the local hosts.
  'versions.diff': async ({ store, compute }, { specId, from, to, context }) => {
    const [before, after] = await Promise.all([store.specs.getVersion(specId, from), store.specs.getVersion(specId, to)]);
    return compute.run('diff', { before: before.markdown, after: after.markdown, context });
  },
  // Drafts are the owner's own autosave: no event, nobody else edits them.
  'drafts.save': async ({ store }, args) => store.specs.saveDraft(args),
  'drafts.load': async ({ store }, { specId }) => store.specs.loadDraft(specId),
  'drafts.discard': async ({ store }, { specId }) => ({ discarded: await store.specs.discardDraft(specId) }),
};
