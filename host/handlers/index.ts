import type { HostContext } from './context.js';
import type { Handlers } from './dispatch.js';
import { createAppHandlers } from './app.js';
import { createFileHandlers } from './files.js';
import { createLintHandlers } from './lint.js';
import { createSpecHandlers } from './specs.js';
import { createVersionHandlers } from './versions.js';
import { createDraftHandlers } from './drafts.js';
import { createSearchHandlers } from './search.js';
import { createStoreHandlers } from './store.js';
import { createReviewHandlers } from './review.js';
import { createServerHandlers } from './server.js';
import { createDecisionHandlers } from './decisions.js';
import { createReviewThreadHandlers } from './review-threads.js';
import { createValidateHandlers } from './validate.js';
import { createTeamClientHandlers } from './team-client.js';
import { createTeamLiveHandlers } from './team-live.js';
import { guardPaths } from '../desktop/path-guard.js';

/** Every operation's handler. One domain factory per line; `satisfies` fails the build when one is missing. */
export function createHandlers(ctx: HostContext): Handlers {
  const handlers = {
    ...createAppHandlers(ctx),
    ...createFileHandlers(ctx),
    ...createLintHandlers(ctx),
    ...createSpecHandlers(ctx),
    ...createVersionHandlers(ctx),
    ...createDraftHandlers(ctx),
    ...createSearchHandlers(ctx),
    ...createStoreHandlers(ctx),
    ...createReviewHandlers(ctx),
    ...createServerHandlers(ctx),
    ...createDecisionHandlers(ctx),
    ...createReviewThreadHandlers(ctx),
    ...createValidateHandlers(ctx),
    ...createTeamClientHandlers(ctx),
    ...createTeamLiveHandlers(),
  } satisfies Handlers;
  // The one place path capabilities apply: with grants (the desktop), every path argument is checked.
  return ctx.pathGrants ? guardPaths(handlers, ctx.pathGrants) : handlers;
}
