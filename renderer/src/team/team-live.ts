import { PRESENCE_HEARTBEAT_MS } from '../../../core/contract/ops/team-live.js';
import type { EventName, PayloadOf } from '../../../core/contract/operations.js';
import { client } from '../client/current.js';
import { useComments } from '../comments/comments-store.js';
import { announce } from '../events/app-events.js';
import { useWorkbench } from '../state/store.js';
import { othersThan, usePresence } from './presence-store.js';

const openSpec = () => useWorkbench.getState().library?.specId ?? null;
const me = () => useComments.getState().profile?.id ?? null;

/** Tells the host which spec this window has open and shows its answer (unless the window moved on meanwhile). */
async function heartbeat(): Promise<void> {
  const specId = openSpec();
  try {
    const presence = await client().call('team.presence.set', { specId });
    if (openSpec() === presence.specId) showPresence(presence.specId, presence.people, presence.more);
  } catch {
    // Presence is a courtesy: a failed heartbeat keeps the last list, and the next one tries again.
  }
}

function showPresence(specId: number | null, people: PayloadOf<'team.presence'>['people'], more = 0): void {
  usePresence.getState().show(specId, people, more);
  announce('specbench:presence', { others: othersThan(people, me()).length + more });
}

/** Reloads everything a missed event could have changed: threads and verdicts, history, listing, validation results, presence. */
function resync(): void {
  void useComments.getState().refresh();
  useWorkbench.getState().versionRecordedElsewhere();
  useWorkbench.getState().validationRecordedElsewhere();
  void heartbeat();
}

type Reactions = { [K in EventName]?: (payload: PayloadOf<K>) => void };

/** What each team event changes in this window. Events about other specs only move the library listing. */
const reactions: Reactions = {
  'team.threadsChanged': ({ specId }) => {
    if (specId === openSpec()) void useComments.getState().refresh();
  },
  'team.reviewSubmitted': ({ specId }) => {
    // Verdicts and the round status live in the comments store, loaded with the threads.
    if (specId === openSpec()) void useComments.getState().refresh();
  },
  'team.versionSaved': ({ specId, version, by }) => {
    const wb = useWorkbench.getState();
    if (specId !== openSpec()) return wb.libraryChanged();
    wb.versionRecordedElsewhere();
    // This window's own save comes back as an event too; only someone else's is news.
    if (by.accountId !== me()) wb.notify('info', `${by.name} saved version ${version}`);
  },
  'team.validationRecorded': ({ specId }) => {
    if (specId === openSpec()) useWorkbench.getState().validationRecordedElsewhere();
  },
  'team.presence': ({ specId, people, more }) => {
    if (specId === openSpec()) showPresence(specId, people, more);
  },
  'team.resync': () => resync(),
};

/**
 * Keeps the open spec live against a team server (issue 15 FR-5): reacts to the team events that
 * arrive over the host's event stream, and sends the presence heartbeat. Against a local host no
 * team event ever arrives and the heartbeat's answer is always empty. Returns the function that
 * stops it (tests).
 */
export function startTeamLive(): () => void {
  const stops = (Object.keys(reactions) as EventName[]).map((name) =>
    client().on(name, (payload) => {
      const specId = (payload as { specId?: number }).specId ?? null;
      (reactions[name] as (p: unknown) => void)(payload);
      announce('specbench:team-event', { name, specId });
    }),
  );
  const stopSpecWatch = useWorkbench.subscribe((state, previous) => {
    if (state.library?.specId === previous.library?.specId) return;
    usePresence.getState().show(null, []);
    void heartbeat();
  });
  const timer = setInterval(() => {
    if (openSpec() !== null) void heartbeat();
  }, PRESENCE_HEARTBEAT_MS);
  void heartbeat();
  return () => {
    for (const stop of stops) stop();
    stopSpecWatch();
    clearInterval(timer);
  };
}
