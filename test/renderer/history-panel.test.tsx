import { after, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../../host/paths.js';
import { installDom } from './support/dom.js';
import { createMemoryClient } from './support/memory-client.js';

const dom = installDom();
after(() => dom.cleanup());
// Everything that touches React DOM or the renderer loads after the DOM exists.
const { act } = await import('react');
const { render, waitFor, click, byTestId } = await import('./support/render.js');
const { setClient } = await import('../../renderer/src/client/current.js');
const { useWorkbench } = await import('../../renderer/src/state/store.js');
const { editAndSave } = await import('./support/edit-and-save.js');
const { HistoryPanel } = await import('../../renderer/src/panels/HistoryPanel.js');

const numbers = (root: ParentNode) => byTestId(root, 'version').map((row) => Number(row.dataset.number));

/** The magic-link sample copied into the test's data folder and opened in the editor, as File → Open does. */
async function openSample(t: TestContext) {
  useWorkbench.setState(useWorkbench.getInitialState(), true);
  localStorage.clear();
  const client = createMemoryClient(t);
  setClient(client, await client.call('app.info', {}));
  const path = join(client.dataDir, 'magic-link.md');
  copyFileSync(join(appRoot, 'samples', 'magic-link.md'), path);
  const opened = await client.call('files.read', { path });
  await act(async () => useWorkbench.getState().load(opened));
  const view = await render(<HistoryPanel />);
  t.after(() => view.unmount());
  return { client, view, path };
}

test('History asks for a first save, then shows each saved version as the store records it', async (t) => {
  const { client, view } = await openSample(t);
  assert.match(byTestId(view.container, 'history-empty')[0]?.textContent ?? '', /Save to start the history/);

  await editAndSave((text) => text);
  await waitFor(() => numbers(view.container).length === 1, 'version 1 in the list');
  assert.match(view.container.querySelector('.history-toolbar')?.textContent ?? '', /^1 version/);
  const specId = useWorkbench.getState().library?.specId;
  assert.ok(specId, 'the save linked the document to a library spec');

  await editAndSave((text) => text.replace(/^(- \*\*AC-5:\*\*.*)$/m, '$1 (edited in the test)'));
  await waitFor(() => numbers(view.container).join() === '2,1', 'version 2 on top');
  const newest = byTestId(view.container, 'version')[0];
  assert.deepEqual(
    [...newest.querySelectorAll('[data-testid="change-line"]')].map((li) => li.textContent),
    ['Acceptance Criteria: AC-5 modified'],
  );
  assert.match(newest.textContent ?? '', /newest/);
  const stored = (await client.call('versions.list', { specId })).versions;
  assert.deepEqual(numbers(view.container), stored.map((v) => v.number));
  assert.equal(newest.dataset.hash, stored[0].contentHash);
});

test('a version saved by another window appears once the store is told versions changed', async (t) => {
  const { client, view } = await openSample(t);
  await editAndSave((text) => text);
  await waitFor(() => numbers(view.container).length === 1, 'version 1');
  const specId = useWorkbench.getState().library!.specId;

  const head = (await client.call('specs.get', { id: specId })).head;
  await client.call('versions.save', { specId, markdown: `${head.markdown}\nAppended elsewhere.\n`, message: 'From another window' });
  assert.deepEqual(numbers(view.container), [1], 'nothing changes until the store says so');
  await act(async () => useWorkbench.getState().versionRecorded());
  await waitFor(() => numbers(view.container).join() === '2,1', 'the other window’s version');
  assert.equal(byTestId(view.container, 'version-message')[0].textContent, 'From another window');
});

test('restoring a version adds a new version with that text and lists it', async (t) => {
  const { view } = await openSample(t);
  await editAndSave((text) => text);
  await editAndSave((text) => `${text}\nA closing line.\n`);
  await waitFor(() => numbers(view.container).join() === '2,1', 'two versions');

  const v1 = byTestId(view.container, 'version').find((row) => row.dataset.number === '1')!;
  await click(v1.querySelector('[data-testid="version-restore"]')!);
  await waitFor(() => numbers(view.container).join() === '3,2,1', 'the restored copy as version 3');
  assert.match(byTestId(view.container, 'version')[0].textContent ?? '', /restored from v1/);
  // The editor shows version 1's text (the sample as opened) and the file is not written until saved.
  assert.equal(useWorkbench.getState().currentText(), readFileSync(join(appRoot, 'samples', 'magic-link.md'), 'utf8'));
  assert.equal(useWorkbench.getState().dirty, true);
});
