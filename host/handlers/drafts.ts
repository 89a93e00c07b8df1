import type { Handlers } from './dispatch.js';
import type { HostContext } from './context.js';

type DraftHandlers = Pick<Handlers, 'drafts.save' | 'drafts.load' | 'drafts.discard'>;

export function createDraftHandlers(ctx: HostContext): DraftHandlers {
  return {
    'drafts.save': async (args) => ctx.store.saveDraft(args),
    'drafts.load': async ({ specId }) => ctx.store.loadDraft(specId),
    'drafts.discard': async ({ specId }) => ({ discarded: ctx.store.discardDraft(specId) }),
  };
}
