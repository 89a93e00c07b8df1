import type { Handlers } from './dispatch.js';
import type { HostContext } from './context.js';
import { computePoolOf } from '../compute/shared-pool.js';

type SpecHandlers = Pick<
  Handlers,
  | 'specs.list'
  | 'specs.get'
  | 'specs.create'
  | 'specs.rename'
  | 'specs.archive'
  | 'specs.trash'
  | 'specs.restore'
  | 'specs.emptyTrash'
  | 'specs.import'
  | 'specs.export'
>;

/** The library: every call goes through the typed SpecStore in the context. */
export function createSpecHandlers(ctx: HostContext): SpecHandlers {
  // Parsing and linting the text happen in the compute pool, before the store writes anything.
  const analyze = (markdown: string, lint: boolean) => computePoolOf(ctx).run('analyze', { markdown, lint });
  return {
    'specs.list': async (args) => ({ specs: ctx.store.listSpecs(args) }),
    'specs.get': async ({ id }) => ctx.store.getSpec(id),
    'specs.create': async ({ source, author, message, readiness }) => {
      const analysis = source.kind === 'markdown' ? await analyze(source.markdown, readiness === undefined) : undefined;
      return ctx.store.createSpec({ source, author, message, readiness }, { analysis });
    },
    'specs.rename': async ({ id, title }) => ctx.store.renameSpec(id, title),
    'specs.archive': async ({ id, archived }) => ctx.store.setArchived(id, archived),
    'specs.trash': async ({ id }) => ctx.store.trashSpec(id),
    'specs.restore': async ({ id }) => ctx.store.restoreSpec(id),
    'specs.emptyTrash': async ({ ids }) => ({ deleted: ctx.store.emptyTrash(ids) }),
    'specs.import': async ({ path, author }) => ctx.store.importFolder(path, { author, analyze: (markdown) => analyze(markdown, true) }),
    'specs.export': async ({ id, version, path }) => ctx.store.exportSpec(id, { version, path }),
  };
}
