import type { Handlers } from './dispatch.js';
import type { HostContext } from './context.js';

type VersionHandlers = Pick<Handlers, 'versions.save' | 'versions.list' | 'versions.get' | 'versions.restore' | 'versions.diff'>;

export function createVersionHandlers(ctx: HostContext): VersionHandlers {
  return {
    'versions.save': async ({ file, ...args }) => ctx.store.saveVersionForFile(args, file),
    'versions.list': async ({ specId }) => ({ versions: ctx.store.listVersions(specId) }),
    'versions.get': async ({ specId, number }) => ctx.store.getVersion(specId, number),
    'versions.restore': async ({ specId, number, author, message }) => ctx.store.restoreVersion(specId, number, { author, message }),
    'versions.diff': async ({ specId, from, to, context }) => ctx.store.diffVersions(specId, from, to, context),
  };
}
