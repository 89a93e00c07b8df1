import type { HostContext } from './context.js';
import type { Handlers } from './dispatch.js';

type ServerHandlers = Pick<
  Handlers,
  'server.status' | 'server.start' | 'server.stop' | 'server.defects' | 'server.logs' | 'server.outbox' | 'server.tokens' | 'server.reset' | 'server.request'
>;

/** The Server panel's operations; one embedded server per host process. */
export function createServerHandlers(ctx: HostContext): ServerHandlers {
  const manager = ctx.embeddedServer;
  return {
    'server.status': async () => manager.current(),
    'server.start': async ({ port, defect }) => manager.start(port, defect),
    'server.stop': async () => manager.stop(),
    'server.defects': async () => ({ defects: await manager.listDefects() }),
    'server.logs': async ({ limit }) => ({ lines: manager.recentLogs(limit) }),
    'server.outbox': async ({ to }) => ({ emails: await manager.outbox(to) }),
    'server.tokens': async ({ email }) => ({ rows: await manager.running().tokens(email) }),
    'server.reset': async () => {
      await manager.running().reset();
      return { reset: true as const };
    },
    'server.request': async ({ method, path, body, headers }) => manager.request(method, path, body, headers),
  };
}
