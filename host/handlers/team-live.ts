import type { Handlers } from './dispatch.js';

/**
 * Local hosts (the desktop app, browser mode) serve one person: nobody else can have a spec open,
 * so presence is always empty and the renderer's heartbeat costs nothing. The team server
 * registers `host/team/events/presence.ts` for this operation instead.
 */
export function createTeamLiveHandlers(): Pick<Handlers, 'team.presence.set'> {
  return {
    'team.presence.set': async ({ specId }) => ({ specId, people: [] }),
  };
}
