import type { Handlers } from './dispatch.js';
import type { HostContext } from './context.js';

export function createSearchHandlers(ctx: HostContext): Pick<Handlers, 'search.query'> {
  return {
    'search.query': async ({ query, limit, states }) => ({ hits: ctx.store.search(query, { limit, states }) }),
  };
}
