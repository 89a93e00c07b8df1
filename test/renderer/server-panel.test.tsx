import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { installDom } from './support/dom.js';
import { createMemoryClient } from './support/memory-client.js';

const dom = installDom();
after(() => dom.cleanup());
// Everything that touches React DOM or the renderer loads after the DOM exists.
const { render, waitFor, click, byTestId } = await import('./support/render.js');
const { setClient } = await import('../../renderer/src/client/current.js');
const { ServerPanel } = await import('../../renderer/src/panels/ServerPanel.js');

test('the Server panel shows the stopped server, offers every defect variant the host lists, and switches tabs', async (t) => {
  const client = createMemoryClient(t);
  setClient(client, await client.call('app.info', {}));
  const { defects } = await client.call('server.defects', {});
  assert.ok(defects.length > 0, 'the embedded server ships defect variants');

  const view = await render(<ServerPanel />);
  t.after(() => view.unmount());
  await waitFor(() => byTestId(view.container, 'server-state')[0]?.textContent === 'stopped', 'the stopped state');
  const select = byTestId(view.container, 'server-defect')[0] as HTMLSelectElement;
  await waitFor(() => select.options.length === defects.length + 1, 'the defect variants');
  assert.deepEqual(
    [...select.options].slice(1).map((o) => o.value),
    defects.map((d) => d.name),
  );
  assert.equal(byTestId(view.container, 'server-start').length, 1);

  await click(byTestId(view.container, 'server-tab-outbox')[0]);
  assert.equal(byTestId(view.container, 'server-outbox')[0]?.textContent, 'No email sent yet.');
  await click(byTestId(view.container, 'server-tab-tokens')[0]);
  assert.equal(byTestId(view.container, 'server-tokens')[0]?.textContent, 'No rows.');
});
