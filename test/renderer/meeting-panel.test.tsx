import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { installDom } from './support/dom.js';
import { createMemoryClient } from './support/memory-client.js';

const dom = installDom();
after(() => dom.cleanup());
const { act } = await import('react');
const { render, waitFor, click, byTestId, typeInto } = await import('./support/render.js');
const { setClient } = await import('../../renderer/src/client/current.js');
const { useWorkbench } = await import('../../renderer/src/state/store.js');
const { MeetingPanel } = await import('../../renderer/src/panels/MeetingPanel.js');
const { AdrPanel } = await import('../../renderer/src/panels/AdrPanel.js');

async function choose(select: HTMLSelectElement, value: string) {
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

test('the Meeting view opens an agenda with a 30-minute timer, records accepted / rejected / deferred, and closing lists the ADRs, which the ADR pane shows', async (t) => {
  useWorkbench.setState(useWorkbench.getInitialState(), true);
  const client = createMemoryClient(t);
  setClient(client, await client.call('app.info', {}));
  const view = await render(<MeetingPanel />);
  t.after(() => view.unmount());

  await typeInto(view.container.querySelector<HTMLInputElement>('textarea[aria-label="Manual items"]')!, 'Keep tokens 15 minutes\nSend links by SMS\nRate-limit per address');
  await click(byTestId(view.container, 'meeting-open')[0]);
  const items = await waitFor(() => (byTestId(view.container, 'agenda-item').length === 3 ? byTestId(view.container, 'agenda-item') : null), 'three agenda items');
  assert.equal(byTestId(view.container, 'meeting-timer')[0].textContent, '30:00');
  assert.deepEqual(items.map((i) => i.querySelector('.muted')?.textContent), ['10 min · manual', '10 min · manual', '10 min · manual']);

  for (const [index, outcome] of (['accepted', 'rejected', 'deferred'] as const).entries()) {
    // Each decided item loses its form, so the first form left is always the next item's.
    const form = view.container.querySelector('form.decision-form')!;
    await choose(form.querySelector('select')!, outcome);
    await typeInto(form.querySelector<HTMLInputElement>('textarea[aria-label="Rationale"]')!, `because ${outcome}`);
    await act(async () => form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await waitFor(() => view.container.querySelectorAll('form.decision-form').length === 2 - index, `${outcome} recorded`);
  }
  assert.deepEqual(byTestId(view.container, 'agenda-item').map((i) => i.dataset.state), ['decided', 'decided', 'deferred']);

  await click(byTestId(view.container, 'meeting-close')[0]);
  await waitFor(() => view.container.querySelectorAll('.adr-list li').length === 2, 'two ADRs listed');
  assert.deepEqual([...view.container.querySelectorAll('.adr-list li')].map((li) => li.textContent), ['ADR 1: Keep tokens 15 minutes accepted', 'ADR 2: Send links by SMS rejected']);

  const adrs = await render(<AdrPanel />);
  t.after(() => adrs.unmount());
  await waitFor(() => byTestId(adrs.container, 'adr-row').length === 2, 'the ADR pane lists both');
  assert.deepEqual(byTestId(adrs.container, 'adr-row').map((r) => r.dataset.status), ['accepted', 'rejected']);
});
