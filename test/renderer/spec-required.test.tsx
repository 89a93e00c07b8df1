import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { appRoot } from '../../host/paths.js';
import { installDom } from './support/dom.js';
import { createMemoryClient } from './support/memory-client.js';

const dom = installDom();
after(() => dom.cleanup());
// Everything that touches React DOM or the renderer loads after the DOM exists.
const { render, waitFor, typeInto, click, byTestId } = await import('./support/render.js');
const { setClient } = await import('../../renderer/src/client/current.js');
const { useWorkbench } = await import('../../renderer/src/state/store.js');
const { LibraryPanel } = await import('../../renderer/src/panels/LibraryPanel.js');
const { SPEC_REQUIRED_QUESTIONS } = await import('../../core/flow/spec-required.js');

async function libraryOfSamples(t: Parameters<typeof createMemoryClient>[0]) {
  useWorkbench.setState(useWorkbench.getInitialState(), true);
  const client = createMemoryClient(t);
  setClient(client, await client.call('app.info', {}));
  const imported = await client.call('specs.import', { path: join(appRoot, 'samples') });
  const view = await render(<LibraryPanel />);
  t.after(() => view.unmount());
  await waitFor(() => byTestId(view.container, 'library-spec').length === imported.imported.length, 'the imported specs to be listed');
  return { client, view };
}

test('"Spec required?" on a Library row asks the framework\'s questions, stores the answer and shows it as the row\'s badge', async (t) => {
  const { client, view } = await libraryOfSamples(t);
  const [first, second] = byTestId(view.container, 'library-spec');
  const id = Number(first.dataset.specId);
  const row = () => byTestId(view.container, 'library-spec').find((r) => Number(r.dataset.specId) === id)!;
  assert.equal(byTestId(view.container, 'spec-required-badge').length, 0, 'no spec has an answer yet');

  await click(first.querySelector('[data-testid="library-spec-required"]')!);
  const form = await waitFor(() => row().querySelector<HTMLElement>('[data-testid="spec-required-form"]'), 'the questions form');
  // Every question of the framework in core is asked, in its words.
  for (const q of SPEC_REQUIRED_QUESTIONS) assert.match(form.textContent ?? '', new RegExp(q.question.replace(/[?()]/g, '\\$&')));

  await click(form.querySelector('[data-testid="spec-required-security"]')!);
  await typeInto(form.querySelector<HTMLInputElement>('[data-testid="spec-required-engineers"]')!, '4');
  await typeInto(form.querySelector<HTMLInputElement>('[data-testid="spec-required-months"]')!, '12');
  await click(form.querySelector('[data-testid="spec-required-save"]')!);

  const result = await waitFor(() => row().querySelector<HTMLElement>('[data-testid="spec-required-result"]'), 'the recommendation');
  assert.equal(result.dataset.recommendation, 'spec');
  assert.deepEqual(
    [...result.querySelectorAll('li')].map((li) => li.textContent),
    ['security or compliance implications', 'input from 4 engineers (more than two) on a decision lasting 12 months (more than six)'],
  );
  const badge = await waitFor(() => row().querySelector<HTMLElement>('[data-testid="spec-required-badge"]'), 'the badge after the listing reloads');
  assert.equal(badge.textContent, 'spec required');
  assert.equal(badge.title, 'security or compliance implications\ninput from 4 engineers (more than two) on a decision lasting 12 months (more than six)');
  const stored = await client.call('specRequired.get', { specId: id });
  assert.deepEqual(stored?.answers, { architecture: false, teams: false, security: true, alternatives: false, integration: false, engineers: 4, lastsMonths: 12 });

  // Answering "no" everywhere on another spec says no spec is needed, and only that row changes.
  const otherId = Number(second.dataset.specId);
  const other = () => byTestId(view.container, 'library-spec').find((r) => Number(r.dataset.specId) === otherId)!;
  await click(other().querySelector('[data-testid="library-spec-required"]')!);
  const otherForm = await waitFor(() => other().querySelector<HTMLElement>('[data-testid="spec-required-form"]'), 'the second form');
  await click(otherForm.querySelector('[data-testid="spec-required-save"]')!);
  const noSpec = await waitFor(() => other().querySelector<HTMLElement>('[data-testid="spec-required-badge"]'), 'the second badge');
  assert.equal(noSpec.textContent, 'no spec needed');
  assert.match(noSpec.title, /none of the five criteria applies/);
  assert.equal(row().querySelector('[data-testid="spec-required-badge"]')?.textContent, 'spec required');
});
