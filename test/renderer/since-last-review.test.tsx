import { after, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import { appRoot } from '../../host/paths.js';
import { installDom } from './support/dom.js';
import { createMemoryClient } from './support/memory-client.js';

const dom = installDom();
// The diff view's Monaco chunk stays loading (happy-dom cannot run Monaco); see the hook.
register('./support/monaco-pending-hook.mjs', import.meta.url);
after(() => dom.cleanup());
// Everything that touches React DOM or the renderer loads after the DOM exists.
const { act } = await import('react');
const { render, waitFor, click, byTestId } = await import('./support/render.js');
const { setClient } = await import('../../renderer/src/client/current.js');
const { useWorkbench } = await import('../../renderer/src/state/store.js');
const { editAndSave } = await import('./support/edit-and-save.js');
const { useComments } = await import('../../renderer/src/comments/comments-store.js');
const { CommentsPanel } = await import('../../renderer/src/comments/CommentsPanel.js');

/** The magic-link sample saved as v1, the local profile a reviewer of it who approved v1. */
async function reviewedSpec(t: TestContext) {
  useWorkbench.setState(useWorkbench.getInitialState(), true);
  useComments.setState(useComments.getInitialState(), true);
  localStorage.clear();
  const client = createMemoryClient(t);
  setClient(client, await client.call('app.info', {}));
  const path = join(client.dataDir, 'magic-link.md');
  copyFileSync(join(appRoot, 'samples', 'magic-link.md'), path);
  const opened = await client.call('files.read', { path });
  await act(async () => useWorkbench.getState().load(opened));
  await editAndSave((text) => text);
  const specId = useWorkbench.getState().library!.specId;
  const { profile } = await client.call('profile.set', { name: 'Rita Reviewer', email: 'rita@example.com' });
  await client.call('reviewers.add', { specId, name: 'Rita Reviewer', email: 'rita@example.com' });
  return { client, specId, profile };
}

const rendered = async (t: TestContext) => {
  const view = await render(<CommentsPanel />);
  t.after(() => view.unmount());
  return view;
};

test('a reviewer who approved v1 sees what changed by v2 and opens the v1 → v2 diff', async (t) => {
  const { client, specId, profile } = await reviewedSpec(t);
  await client.call('reviews.submit', { specId, verdict: 'approve', body: 'fine' });
  await editAndSave((text) => text.replace(/^(- \*\*FR-1:\*\*.*)$/m, '$1 It also accepts a locale.'));
  const view = await rendered(t);

  const button = await waitFor(() => byTestId(view.container, 'since-mine')[0], 'the changes-since button');
  assert.equal(button.textContent, 'Changes since your last review (v1 → v2)');
  const row = byTestId(view.container, 'since-row').find((r) => r.dataset.person === profile.id)!;
  assert.deepEqual(
    [...row.querySelectorAll('[data-testid="since-changed"]')].map((li) => li.textContent),
    ['FR-1'],
  );
  assert.equal(byTestId(document.body, 'diff-view').length, 0, 'no diff before the click');

  await click(button);
  const diff = await waitFor(() => byTestId(document.body, 'diff-view')[0], 'the version diff view');
  assert.equal(diff.querySelector('.diff-header h2')?.textContent, 'Version 1 → version 2');
  // The same semantic diff History shows: the summary names FR-1 as modified.
  await waitFor(() => /FR-1/.test(diff.textContent ?? ''), 'the semantic summary naming FR-1');
  await click(byTestId(diff, 'diff-close')[0]);
  assert.equal(byTestId(document.body, 'diff-view').length, 0, 'Close leaves the diff');
});

test('a reviewer who has not reviewed yet gets no changes-since button', async (t) => {
  await reviewedSpec(t);
  await editAndSave((text) => text.replace(/^(- \*\*FR-1:\*\*.*)$/m, '$1 It also accepts a locale.'));
  const view = await rendered(t);
  await waitFor(() => byTestId(view.container, 'review-box')[0], 'the review box');
  await waitFor(() => useComments.getState().status?.headVersion === 2, 'the round status of v2');
  assert.equal(byTestId(view.container, 'since-review').length, 0);
  assert.equal(byTestId(view.container, 'since-mine').length, 0);
});

test('a reviewer whose verdict is on the head version is told nothing changed, with no button', async (t) => {
  const { client, specId, profile } = await reviewedSpec(t);
  await editAndSave((text) => text.replace(/^(- \*\*FR-1:\*\*.*)$/m, '$1 It also accepts a locale.'));
  await client.call('reviews.submit', { specId, verdict: 'comment', body: '' });
  const view = await rendered(t);
  const row = await waitFor(() => byTestId(view.container, 'since-row').find((r) => r.dataset.person === profile.id), 'the reviewer row');
  assert.equal(row.textContent, 'No changes since your last review (v2)');
  assert.equal(byTestId(view.container, 'since-mine').length, 0);
});
