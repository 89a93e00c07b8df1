import type { HostContext } from './context.js';
import type { Handlers } from './dispatch.js';
import { publishSpec } from '../team-client/publish.js';

type TeamClientOps = 'teamClient.status' | 'teamClient.connect' | 'teamClient.disconnect' | 'teamClient.publish';

/** "Connect to team…" and "Publish to team": the host holds the session, the renderer only sees the status. */
export function createTeamClientHandlers(ctx: HostContext): Pick<Handlers, TeamClientOps> {
  return {
    'teamClient.status': async () => ctx.teamClient.status(),
    'teamClient.connect': async (args) => ctx.teamClient.connect(args),
    'teamClient.disconnect': async () => ctx.teamClient.disconnect(),
    'teamClient.publish': async ({ specId }) => publishSpec(ctx.store, ctx.teamClient, specId),
  };
}
