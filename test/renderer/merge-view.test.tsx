import { after, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import { appRoot } from '../../host/paths.js';
import { installDom } from './support/dom.js';
import { createMemoryClient } from './support/memory-client.js';

const dom = installDom();
// The merge view's Monaco diff stays loading (happy-dom cannot run Monaco); see the hook.
register('./support/monaco-pending-hook.mjs', import.meta.url);
after(() => dom.cleanup());
const { act } = await import('react');
const { render, waitFor, click, byTestId, typeInto } = await import('./support/render.js');
const { setClient } = await import('../../renderer/src/client/current.js');
const { useWorkbench } = await import('../../renderer/src/state/store.js');
const { useMerge } = await import('../../renderer/src/merge/merge-store.js');
const { MergeView } = await import('../../renderer/src/merge/MergeView.js');
// The palette's merge entries (commands.ts itself pulls in every panel, charts included).
const { mergeCommands: allCommands } = await import('../../renderer/src/merge/merge-commands.js');
const { editAndSave } = await import('./support/edit-and-save.js');

const ac5 = /^(- \*\*AC-5:\*\*.*)$/m;

/** The sample opened from a file and saved once (v1); `other` saves as another window would. */
async function savedSample(t: TestContext) {
  useWorkbench.setState(useWorkbench.getInitialState(), true);
  useMerge.setState(useMerge.getInitialState(), true);
  localStorage.clear();
  const client = createMemoryClient(t);
  setClient(client, await client.call('app.info', {}));
  const path = join(client.dataDir, 'magic-link.md');
  copyFileSync(join(appRoot, 'samples', 'magic-link.md'), path);
  await act(async () => useWorkbench.getState().load(await client.call('files.read', { path })));
  await editAndSave((text) => text);
  const link = useWorkbench.getState().library!;
  const v1 = await client.call('versions.get', { specId: link.specId, number: 1 });
  const other = (edit: (text: string) => string) =>
    client.call('versions.save', { specId: link.specId, markdown: edit(v1.markdown), author: 'Ada', baseVersionId: link.headVersionId! });
  const view = await render(<MergeView />);
  t.after(() => view.unmount());
  return { client, path, specId: link.specId, v1, other, view };
}

test('a stale save of another section merges: the notice names the sections and the editor and file hold both edits', async (t) => {
  const { client, path, specId, other } = await savedSample(t);
  const v2 = await other((text) => text.replace('## Context\n', '## Context\nAda was here.\n'));
  await editAndSave((text) => text.replace(ac5, '$1 (mine)'));

  const versions = (await client.call('versions.list', { specId })).versions;
  assert.deepEqual(versions.map((v) => v.number), [3, 2, 1]);
  const text = useWorkbench.getState().currentText();
  assert.match(text, /Ada was here\./);
  assert.match(text, /\(mine\)/);
  assert.equal((await client.call('versions.get', { specId, number: 3 })).markdown, text);
  assert.equal(readFileSync(path, 'utf8'), text, 'the file holds the merged text too');
  assert.equal(useWorkbench.getState().dirty, false);
  assert.equal(useWorkbench.getState().library?.headVersionId, versions[0].id);
  assert.ok(useWorkbench.getState().notices.some((n) => n.text === "Merged with Ada's version 2: sections Context."), 'the merge notice');
  assert.notEqual(v2.version.id, versions[0].id);
  assert.equal(useMerge.getState().pending, null);
});

test('the same section: the merge view opens, nothing is saved, the text is the draft; Take both and Save merged keep both', async (t) => {
  const { client, specId, other, view } = await savedSample(t);
  const v2 = await other((text) => text.replace(ac5, '$1 (theirs)'));
  await editAndSave((text) => text.replace(ac5, '$1 (mine)'));

  await waitFor(() => byTestId(view.container, 'merge-conflict').length === 1, 'the conflicting section');
  assert.match(view.container.textContent ?? '', /Merge with Ada's version 2/);
  assert.deepEqual((await client.call('versions.list', { specId })).versions.map((v) => v.number), [2, 1], 'no version for the conflicting save');
  const mine = useWorkbench.getState().currentText();
  assert.match(mine, /\(mine\)/);
  assert.equal((await client.call('drafts.load', { specId }))?.markdown, mine, 'the text is kept as the draft');
  assert.equal(useWorkbench.getState().library?.headVersionId, (await client.call('versions.get', { specId, number: 1 })).id, 'still based on v1');
  assert.ok(allCommands().some((c) => c.id === 'merge.resolve'), 'the palette offers Resolve merge');

  // Closing keeps everything; the palette command reopens it.
  await click(byTestId(view.container, 'merge-close')[0]);
  assert.equal(byTestId(view.container, 'merge-view').length, 1, 'the view component still renders for a pending merge');
  assert.equal(useMerge.getState().open, false);
  await act(async () => allCommands().find((c) => c.id === 'merge.resolve')!.run());
  assert.equal(useMerge.getState().open, true);

  const save = byTestId(view.container, 'merge-save')[0] as HTMLButtonElement;
  assert.equal(save.disabled, true, 'nothing to save before a choice');
  await click(byTestId(view.container, 'merge-take-both')[0]);
  const result = byTestId(view.container, 'merge-result')[0] as HTMLTextAreaElement;
  assert.match(result.value, /\(theirs\)[\s\S]*\(mine\)/);
  // A free edit of the result wins over the buttons' text.
  await typeInto(result as unknown as HTMLInputElement, result.value.replace('(theirs)', '(theirs, kept)'));
  await click(byTestId(view.container, 'merge-save')[0]);
  await waitFor(() => useMerge.getState().pending === null && !useMerge.getState().saving && !useWorkbench.getState().dirty, 'the merge saved');

  const versions = (await client.call('versions.list', { specId })).versions;
  assert.deepEqual(versions.map((v) => v.number), [3, 2, 1]);
  const head = (await client.call('versions.get', { specId, number: 3 })).markdown;
  assert.match(head, /\(theirs, kept\)/);
  assert.match(head, /\(mine\)/);
  assert.equal(useWorkbench.getState().currentText(), head);
  assert.equal(useWorkbench.getState().library?.headVersionId, versions[0].id);
  assert.notEqual(v2.version.id, versions[0].id);
  assert.equal(await client.call('drafts.load', { specId }), null, 'the draft went with the save');
  assert.ok(!allCommands().some((c) => c.id === 'merge.resolve'));
});

test('the conflicting text reopened later from its draft is still based on its old version: saving it conflicts again, never overwrites', async (t) => {
  const { client, path, specId, v1, other } = await savedSample(t);
  await other((text) => text.replace(ac5, '$1 (theirs)'));
  await editAndSave((text) => text.replace(ac5, '$1 (mine)'));
  assert.ok(useMerge.getState().pending, 'the first conflict');

  // A new window (or a reload): the file opens with the draft over it; the merge state is gone.
  useWorkbench.setState(useWorkbench.getInitialState(), true);
  useMerge.setState(useMerge.getInitialState(), true);
  const { openWithDraft } = await import('../../renderer/src/library/autosave.js');
  await act(async () => openWithDraft(await client.call('files.read', { path })));
  assert.match(useWorkbench.getState().currentText(), /\(mine\)/, 'the draft is back');
  assert.equal(useWorkbench.getState().library?.headVersionId, v1.id, 'based on the draft’s version');

  await editAndSave((text) => text);
  assert.equal(useMerge.getState().pending?.conflicts[0]?.key, 'acceptance', 'the merge view again');
  const head = (await client.call('versions.list', { specId })).versions[0];
  assert.equal(head.number, 2);
  assert.match((await client.call('versions.get', { specId, number: 2 })).markdown, /\(theirs\)/, 'theirs untouched');
});
