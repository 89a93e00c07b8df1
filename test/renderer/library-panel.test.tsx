import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../../host/paths.js';
import { installDom } from './support/dom.js';
import { createMemoryClient } from './support/memory-client.js';

const dom = installDom();
after(() => dom.cleanup());
// Everything that touches React DOM or the renderer loads after the DOM exists.
const { act } = await import('react');
const { render, waitFor, typeInto, click, byTestId } = await import('./support/render.js');
const { setClient } = await import('../../renderer/src/client/current.js');
const { useWorkbench } = await import('../../renderer/src/state/store.js');
const { LibraryPanel } = await import('../../renderer/src/panels/LibraryPanel.js');

const titles = (root: ParentNode) => byTestId(root, 'library-spec').map((row) => row.dataset.title);

async function libraryOfSamples(t: Parameters<typeof createMemoryClient>[0]) {
  useWorkbench.setState(useWorkbench.getInitialState(), true);
  const client = createMemoryClient(t);
  setClient(client, await client.call('app.info', {}));
  const imported = await client.call('specs.import', { path: join(appRoot, 'samples') });
  const view = await render(<LibraryPanel />);
  t.after(() => view.unmount());
  await waitFor(() => titles(view.container).length === imported.imported.length, 'the imported specs to be listed');
  return { client, view, imported };
}

test('the Library lists the specs in the store, and full-text search narrows it to the matching spec', async (t) => {
  const { client, view } = await libraryOfSamples(t);
  const stored = (await client.call('specs.list', { sort: 'title', direction: 'asc' })).specs.map((s) => s.title);
  assert.deepEqual([...titles(view.container)].sort(), [...stored].sort());

  const search = byTestId(view.container, 'library-search')[0] as HTMLInputElement;
  await typeInto(search, 'auditors');
  const hits = await waitFor(() => {
    const found = byTestId(view.container, 'search-hit');
    return found.length > 0 && found;
  }, 'search hits');
  const expected = (await client.call('search.query', { query: 'auditors' })).hits;
  assert.deepEqual(
    hits.map((h) => Number(h.dataset.specId)),
    expected.map((h) => h.specId),
  );
  assert.equal(expected.length, 1, 'the sample library has exactly one spec mentioning auditors');
  assert.equal(byTestId(view.container, 'search-count')[0].textContent, '1 spec matches, best first.');
  assert.deepEqual(byTestId(view.container, 'search-snippet')[0].querySelector('mark')?.textContent?.toLowerCase(), 'auditors');

  // Clearing the search brings the list back.
  await typeInto(search, '');
  await waitFor(() => titles(view.container).length === stored.length, 'the full list again');
});

test('the title filter keeps only specs whose title contains the text, and says when none does', async (t) => {
  const { client, view } = await libraryOfSamples(t);
  const filter = byTestId(view.container, 'library-filter-title')[0] as HTMLInputElement;
  const all = (await client.call('specs.list', {})).specs;
  const word = all[0].title.split(/\s+/)[0];
  const matching = all.filter((s) => s.title.toLowerCase().includes(word.toLowerCase())).map((s) => s.title);
  assert.ok(matching.length < all.length, `"${word}" must not match every sample for this test to mean anything`);

  await typeInto(filter, word);
  await waitFor(() => titles(view.container).length === matching.length, `only titles containing "${word}"`);
  assert.deepEqual([...titles(view.container)].sort(), [...matching].sort());

  await typeInto(filter, 'no spec has this title');
  const empty = await waitFor(() => byTestId(view.container, 'library-empty')[0], 'the empty message');
  assert.equal(empty.textContent, 'No spec matches these filters.');
});

test('renaming and archiving in the panel change the listing through the store, without a reload', async (t) => {
  const { client, view } = await libraryOfSamples(t);
  const first = byTestId(view.container, 'library-spec')[0];
  const id = Number(first.dataset.specId);
  await click(first.querySelector('[data-testid="library-rename"]')!);
  await typeInto(first.querySelector<HTMLInputElement>('[data-testid="rename-input"]')!, 'Renamed in the panel');
  await click(first.querySelector('button[type="submit"]')!);
  await waitFor(() => titles(view.container).includes('Renamed in the panel'), 'the new title in the list');
  assert.equal((await client.call('specs.get', { id })).spec.title, 'Renamed in the panel');

  const row = () => byTestId(view.container, 'library-spec').find((r) => Number(r.dataset.specId) === id);
  await click(row()!.querySelector('[data-testid="library-archive"]')!);
  await waitFor(() => !row(), 'the archived spec to leave the Active list');
  await click(byTestId(view.container, 'library-state-archived')[0]);
  await waitFor(() => titles(view.container).join() === 'Renamed in the panel', 'the spec under Archived');
});

test('a draft saved elsewhere in the app shows its marker once the store says the library changed', async (t) => {
  const { client, view } = await libraryOfSamples(t);
  const row = byTestId(view.container, 'library-spec')[0];
  const id = Number(row.dataset.specId);
  assert.equal(row.querySelector('[data-testid="draft-marker"]'), null);

  await client.call('drafts.save', { specId: id, markdown: '# Typing…\n', cursor: { line: 1, column: 3 } });
  // What autosave does after writing a draft: no window event reaches the panel, only the store.
  await act(async () => useWorkbench.getState().draftSaved());
  await waitFor(
    () => byTestId(view.container, 'library-spec').find((r) => Number(r.dataset.specId) === id)?.querySelector('[data-testid="draft-marker"]'),
    'the unsaved-draft marker',
  );
});

test('in the desktop app, Import → Choose folder… imports the folder picked in the native dialog; browser mode has no such button', async (t) => {
  useWorkbench.setState(useWorkbench.getInitialState(), true);
  let picked = 0;
  const client = createMemoryClient(t, {
    dialogs: {
      open: async () => null,
      save: async () => null,
      folder: async () => {
        picked++;
        return folder;
      },
    },
  });
  const folder = join(client.dataDir, 'picked');
  mkdirSync(folder);
  writeFileSync(join(folder, 'alpha.md'), '# Alpha\n');
  writeFileSync(join(folder, 'beta.md'), '# Beta\n');
  setClient(client, await client.call('app.info', {}));
  const view = await render(<LibraryPanel />);
  t.after(() => view.unmount());
  await click(byTestId(view.container, 'library-import')[0]);
  await click(await waitFor(() => byTestId(view.container, 'import-choose-folder')[0], 'the Choose folder… button'));
  const result = await waitFor(() => byTestId(view.container, 'import-result')[0], 'the import result');
  assert.match(result.textContent ?? '', /Imported 2 specs/);
  assert.equal(picked, 1);
  await waitFor(() => titles(view.container).length === 2, 'the imported specs listed');
  assert.deepEqual([...titles(view.container)].sort(), ['Alpha', 'Beta']);
});

test('browser mode has no folder picker: Import offers the typed path only', async (t) => {
  const { view } = await libraryOfSamples(t);
  await click(byTestId(view.container, 'library-import')[0]);
  await waitFor(() => byTestId(view.container, 'import-path')[0], 'the import form');
  assert.equal(byTestId(view.container, 'import-choose-folder').length, 0);
});
