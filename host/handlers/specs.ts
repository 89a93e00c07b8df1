import type { Handlers } from './dispatch.js';
import type { HostContext } from './context.js';
import { profileAuthor } from './versions.js';
import type { Analyzer } from '../store/analyze.js';

type SpecHandlers = Pick<
  Handlers,
  | 'specs.list'
  | 'specs.get'
  | 'specs.forFile'
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
  const analyze: Analyzer = (markdown, lintConfig) => ctx.compute.run('analyze', { markdown, lint: true, lintConfig });
  return {
    'specs.list': async (args) => ({ specs: ctx.flow.withSpecRequired(ctx.store.listSpecs(args)) }),
    'specs.get': async ({ id }) => ctx.store.getSpec(id),
    'specs.forFile': async ({ path }) => ctx.store.specForFile(path),
    'specs.create': async ({ source, author: given, message, file }) => {
      const author = given ?? profileAuthor(ctx);
      if (file) return ctx.store.createSpecForFile({ source, author, message }, file, { analyze });
      const analysis = source.kind === 'markdown' ? await analyze(source.markdown) : undefined;
      return { ...ctx.store.createSpec({ source, author, message }, { analysis }), created: true };
    },
    'specs.rename': async ({ id, title }) => ctx.store.renameSpec(id, title),
    'specs.archive': async ({ id, archived }) => ctx.store.setArchived(id, archived),
    'specs.trash': async ({ id }) => ctx.store.trashSpec(id),
    'specs.restore': async ({ id }) => ctx.store.restoreSpec(id),
    'specs.emptyTrash': async ({ ids }) => ({ deleted: ctx.store.emptyTrash(ids) }),
    'specs.import': async ({ path, author, recursive }) => ctx.store.importFolder(path, { author, analyze, recursive }),
    'specs.export': async ({ id, version, path }) => ctx.store.exportSpec(id, { version, path }),
  };
}
