import type { Handlers } from './dispatch.js';
import type { HostContext } from './context.js';

export function createStoreHandlers(ctx: HostContext): Pick<Handlers, 'store.info' | 'store.backup' | 'store.restoreBackup'> {
  return {
    'store.info': async () => ctx.store.info(),
    'store.backup': async ({ path }) => ctx.store.backup(path),
    'store.restoreBackup': async ({ path }) => ctx.store.restoreBackup(path),
  };
}
