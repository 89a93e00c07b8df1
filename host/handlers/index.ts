import type { HostContext } from './context.js';
import type { Handlers } from './dispatch.js';
import { createAppHandlers } from './app.js';
import { createFileHandlers } from './files.js';

/** Every operation's handler. One domain factory per line; `satisfies` fails the build when one is missing. */
export function createHandlers(ctx: HostContext): Handlers {
  return {
    ...createAppHandlers(ctx),
    ...createFileHandlers(ctx),
  } satisfies Handlers;
}
