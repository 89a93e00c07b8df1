import { after, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../../host/paths.js';
import { installDom } from './support/dom.js';
import { createMemoryClient, type MemoryClient } from './support/memory-client.js';

const dom = installDom();
after(() => dom.cleanup());
// Everything that touches React DOM or the renderer loads after the DOM exists.
const { act } = await import('react');
const { render, waitFor, byTestId } = await import('./support/render.js');
const { setClient } = await import('../../renderer/src/client/current.js');
const { useWorkbench } = await import('../../renderer/src/state/store.js');
const { editAndSave } = await import('./support/edit-and-save.js');
const { useComments } = await import('../../renderer/src/comments/comments-store.js');
const { Notices } = await import('../../renderer/src/components/Notices.js');
const { PresenceBadge } = await import('../../renderer/src/team/PresenceBadge.js');
const { usePresence, initialsOf } = await import('../../renderer/src/team/presence-store.js');
const { startTeamLive } = await import('../../renderer/src/team/team-live.js');

/**
 * The magic-link sample saved as v1 with the local profile "Ann Author", and the live wiring
 * started. The client records the name of every call as it is made, so a test can tell whether an
 * event started a reload. Team events are pushed with `client.emit`, as the team server's event
 * stream delivers them.
 */
async function liveSpec(t: TestContext) {
  useWorkbench.setState(useWorkbench.getInitialState(), true);
  useComments.setState(useComments.getInitialState(), true);
  usePresence.setState(usePresence.getInitialState(), true);
  localStorage.clear();
  const memory = createMemoryClient(t);
  const calls: Array<{ name: string; args: unknown }> = [];
  const client: MemoryClient = {
    ...memory,
    call: (name, args) => {
      calls.push({ name, args });
      return memory.call(name, args);
    },
  };
  setClient(client, await client.call('app.info', {}));
  const path = join(client.dataDir, 'magic-link.md');
  copyFileSync(join(appRoot, 'samples', 'magic-link.md'), path);
  const opened = await client.call('files.read', { path });
  await act(async () => useWorkbench.getState().load(opened));
  await editAndSave((text) => text);
  const specId = useWorkbench.getState().library!.specId;
  const { profile } = await client.call('profile.set', { name: 'Ann Author', email: 'ann@example.com' });
  await act(async () => useComments.getState().refresh());
  const stop = startTeamLive();
  t.after(stop);
  return { client, memory, specId, profile, calls };
}

/** Pushes a team event inside React's act, as the event stream's listener runs. */
const push = async <K extends Parameters<MemoryClient['emit']>[0]>(client: MemoryClient, name: K, payload: Parameters<MemoryClient['emit']>[1] & object) =>
  act(async () => client.emit(name, payload as never));

test('a teammate’s comment on the open spec reloads its threads; one on another spec does not', async (t) => {
  const { client, specId, calls } = await liveSpec(t);
  assert.equal(useComments.getState().threads.length, 0);
  // Someone else comments (through the same host: the store is the team's).
  const markdown = useWorkbench.getState().doc.source;
  const start = markdown.indexOf('FR-1');
  await client.call('threads.add', { specId, body: 'Which locale?', severity: 'question', pending: false, start, end: start + 4, markdown });

  const before = calls.length;
  await push(client, 'team.threadsChanged', { specId: specId + 1000 });
  assert.deepEqual(calls.slice(before).map((c) => c.name), [], 'an event about another spec starts no reload');
  assert.equal(useComments.getState().threads.length, 0);

  await push(client, 'team.threadsChanged', { specId });
  const threads = await waitFor(() => useComments.getState().threads.length === 1 && useComments.getState().threads, 'the new thread');
  assert.equal(threads[0]!.comments[0]!.body, 'Which locale?');
});

test('a verdict on the open spec reloads verdicts and the round status', async (t) => {
  const { client, specId, calls } = await liveSpec(t);
  const before = calls.length;
  await push(client, 'team.reviewSubmitted', { specId });
  await waitFor(() => calls.slice(before).some((c) => c.name === 'rounds.status' && (c.args as { specId: number }).specId === specId), 'the round status reloaded');
});

test('a teammate saving a new version shows a notice and reloads history; this window’s own save does not announce itself', async (t) => {
  const { client, specId, profile } = await liveSpec(t);
  const view = await render(<Notices />);
  t.after(() => view.unmount());
  const revision = useWorkbench.getState().versionsRevision;

  await push(client, 'team.versionSaved', { specId, version: 2, by: { accountId: 'acc-bob', name: 'Bob Builder' } });
  const notice = await waitFor(() => byTestId(view.container, 'notice-info')[0], 'the notice');
  assert.equal(notice.querySelector('span')?.textContent, 'Bob Builder saved version 2');
  assert.equal(useWorkbench.getState().versionsRevision, revision + 1, 'History and the comments reload');

  await push(client, 'team.versionSaved', { specId, version: 3, by: { accountId: profile.id, name: 'Ann Author' } });
  assert.equal(useWorkbench.getState().versionsRevision, revision + 2);
  assert.deepEqual(useWorkbench.getState().notices.map((n) => n.text), ['Bob Builder saved version 2'], 'no notice for my own save');

  const listing = useWorkbench.getState().libraryRevision;
  await push(client, 'team.versionSaved', { specId: specId + 1000, version: 9, by: { accountId: 'acc-bob', name: 'Bob Builder' } });
  assert.equal(useWorkbench.getState().libraryRevision, listing + 1, 'another spec: only the listing reloads');
  assert.equal(useWorkbench.getState().versionsRevision, revision + 2);
  assert.equal(useWorkbench.getState().notices.length, 1);
});

test('a teammate’s stored validation run reloads the validation results of the open spec only', async (t) => {
  const { client, specId } = await liveSpec(t);
  const revision = useWorkbench.getState().validationRunsRevision;
  await push(client, 'team.validationRecorded', { specId: specId + 1000 });
  assert.equal(useWorkbench.getState().validationRunsRevision, revision);
  await push(client, 'team.validationRecorded', { specId });
  assert.equal(useWorkbench.getState().validationRunsRevision, revision + 1);
});

test('presence: the heartbeat names the open spec, and the header shows the others’ initials, never mine', async (t) => {
  const { client, specId, profile, calls } = await liveSpec(t);
  await waitFor(() => calls.some((c) => c.name === 'team.presence.set' && (c.args as { specId: number | null }).specId === specId), 'the heartbeat for the open spec');
  const view = await render(<PresenceBadge />);
  t.after(() => view.unmount());
  assert.equal(byTestId(view.container, 'presence').length, 0, 'alone (the local host answers nobody)');

  const people = [
    { accountId: profile.id, name: 'Ann Author' },
    { accountId: 'acc-bob', name: 'Bob Builder' },
    { accountId: 'acc-rita', name: 'rita' },
  ];
  await push(client, 'team.presence', { specId: specId + 1000, people });
  assert.equal(byTestId(view.container, 'presence').length, 0, 'presence on another spec is not shown');

  await push(client, 'team.presence', { specId, people, more: 2 });
  const badge = await waitFor(() => byTestId(view.container, 'presence')[0], 'the presence badge');
  assert.deepEqual(byTestId(badge, 'presence-person').map((p) => p.textContent), ['BB', 'R']);
  assert.equal(badge.getAttribute('aria-label'), 'Also viewing: Bob Builder, rita and 2 more');

  await push(client, 'team.presence', { specId, people: [people[0]!] });
  assert.equal(byTestId(view.container, 'presence').length, 0, 'the others left');
});

test('after a resync everything on screen reloads and the heartbeat is sent again', async (t) => {
  const { client, specId, calls } = await liveSpec(t);
  const revisions = () => [useWorkbench.getState().versionsRevision, useWorkbench.getState().validationRunsRevision];
  const [versions, runs] = revisions();
  const before = calls.length;
  await push(client, 'team.resync', { reason: 'the event feed was interrupted' });
  assert.deepEqual(revisions(), [versions! + 1, runs! + 1]);
  await waitFor(() => {
    const names = calls.slice(before).map((c) => c.name);
    return names.includes('threads.list') && names.includes('rounds.status') && names.includes('team.presence.set');
  }, 'threads, round status and presence reloaded');
  assert.ok(calls.slice(before).some((c) => c.name === 'team.presence.set' && (c.args as { specId: number }).specId === specId));
});

test('initials: first and last word, one letter for one word, ? for none', () => {
  assert.equal(initialsOf('Ada King Lovelace'), 'AL');
  assert.equal(initialsOf('  bob '), 'B');
  assert.equal(initialsOf('  '), '?');
});
