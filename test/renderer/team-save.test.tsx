import { after, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../core/contract/client.js';
import { appRoot } from '../../host/paths.js';
import { installDom } from './support/dom.js';
import { createMemoryClient, type MemoryClient } from './support/memory-client.js';

const dom = installDom();
after(() => dom.cleanup());
const { act } = await import('react');
const { setClient } = await import('../../renderer/src/client/current.js');
const { useWorkbench } = await import('../../renderer/src/state/store.js');
const { save } = await import('../../renderer/src/state/file-actions.js');

/**
 * Save against a team server (app.info says team: true): the real host handlers behind the
 * client, with `refuse` standing in for the team server's role check on versions.save.
 */
async function teamWindow(t: TestContext, refuse: boolean) {
  useWorkbench.setState(useWorkbench.getInitialState(), true);
  const memory = createMemoryClient(t);
  const calls: string[] = [];
  const client: MemoryClient = {
    ...memory,
    call: async (name, args) => {
      calls.push(name);
      if (refuse && name === 'versions.save') throw new ApiError('FORBIDDEN', 'versions.save needs the author role on this spec, or admin; you are signed in as reviewer');
      return memory.call(name, args);
    },
  };
  setClient(client, { ...(await memory.call('app.info', {})), team: true });
  const content = readFileSync(join(appRoot, 'samples', 'magic-link.md'), 'utf8');
  await act(async () => useWorkbench.getState().load({ path: null, name: 'magic-link.md', content, bom: false }));
  await act(async () => {
    const s = useWorkbench.getState();
    s.setView('document');
    s.editDocument(`${s.currentText()}\nAn edit.\n`);
  });
  return { memory, calls };
}

test('on a team server Save makes a library version and offers no download', async (t) => {
  const { memory, calls } = await teamWindow(t, false);
  let saved = false;
  await act(async () => {
    saved = await save();
  });
  assert.equal(saved, true);
  assert.equal(useWorkbench.getState().dirty, false);
  assert.ok(!calls.includes('files.write') && !calls.includes('files.saveDialog'), calls.join(', '));
  const specId = useWorkbench.getState().library!.specId;
  const { spec } = await memory.call('specs.get', { id: specId });
  const head = await memory.call('versions.get', { specId, number: spec.headVersion });
  assert.match(head.markdown, /An edit\.\n$/, 'the head version holds the edit');
});

test('a refused save is an error naming the role, and the text stays unsaved', async (t) => {
  await teamWindow(t, true);
  let saved = true;
  await act(async () => {
    saved = await save();
  });
  assert.equal(saved, false);
  assert.equal(useWorkbench.getState().dirty, true, 'the text is not marked saved');
  const notice = useWorkbench.getState().notices.at(-1);
  assert.equal(notice?.kind, 'error');
  assert.match(notice?.text ?? '', /^Not saved: versions\.save needs the author role/);
});
