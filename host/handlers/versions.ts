import type { Handlers } from './dispatch.js';
import type { HostContext } from './context.js';
import { saveMerging } from '../team/stale-save.js';

type VersionHandlers = Pick<Handlers, 'versions.save' | 'versions.list' | 'versions.get' | 'versions.restore' | 'versions.diff'>;

/** The profile's name, or undefined (the store then records the OS user name). */
export function profileAuthor(ctx: HostContext): string | undefined {
  try {
    return ctx.reviewThreads.profileName() ?? undefined;
  } catch {
    // An unusable database fails the save itself with its own message.
    return undefined;
  }
}

export function createVersionHandlers(ctx: HostContext): VersionHandlers {
  return {
    // Parsing, linting and diffing run in the compute pool, before the store writes anything.
    // The local profile's name replaces the OS user name as the author (issue 13 FR-1).
    // A stale base (another window saved meanwhile) merges as on the team server (issue 15 FR-6).
    'versions.save': async ({ file, ...args }) =>
      saveMerging(
        ctx.store,
        { ...args, author: args.author ?? profileAuthor(ctx) },
        (input) => ctx.store.saveVersionForFile(input, file, { analyze: (markdown, lintConfig) => ctx.compute.run('analyze', { markdown, lint: true, lintConfig }) }),
        (texts) => ctx.compute.run('merge', texts),
      ),
    'versions.list': async ({ specId }) => ({ versions: ctx.store.listVersions(specId) }),
    'versions.get': async ({ specId, number }) => ctx.store.getVersion(specId, number),
    'versions.restore': async ({ specId, number, author, message }) => ctx.store.restoreVersion(specId, number, { author, message }),
    'versions.diff': async ({ specId, from, to, context }) => {
      const before = ctx.store.getVersion(specId, from).markdown;
      const after = ctx.store.getVersion(specId, to).markdown;
      return ctx.compute.run('diff', { before, after, context });
    },
  };
}
