import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../../host/paths.js';
import { installDom } from './support/dom.js';

const dom = installDom();
after(() => dom.cleanup());
const { act } = await import('react');
const { render } = await import('./support/render.js');
const { useWorkbench } = await import('../../renderer/src/state/store.js');
const { FormatPicker } = await import('../../renderer/src/components/FormatPicker.js');

const kiro = readFileSync(join(appRoot, 'test/fixtures/formats/kiro/four-requirements/input.md'), 'utf8');

test('the title bar shows the detected format; choosing one writes front matter format:, "detect" removes it', async () => {
  useWorkbench.setState(useWorkbench.getInitialState(), true);
  await act(async () => useWorkbench.getState().load({ path: null, name: 'requirements.md', content: kiro, bom: false }));
  const view = await render(<FormatPicker />);
  try {
    const select = () => view.container.querySelector<HTMLSelectElement>('[data-testid="format-picker"]')!;
    assert.equal(select().dataset.format, 'kiro');
    assert.equal(select().value, '');
    assert.equal(select().selectedOptions[0].textContent, 'kiro (detected)');

    await act(async () => {
      select().value = 'six-part';
      select().dispatchEvent(new Event('change', { bubbles: true }));
    });
    const doc = useWorkbench.getState().doc;
    assert.deepEqual([doc.template, doc.formatSource], ['agent-ready', 'front-matter']);
    assert.ok(doc.source.startsWith('---\nformat: six-part\n---\n\n# Requirements Document'));
    assert.equal(doc.source.slice(doc.preamble.length), kiro.slice(kiro.indexOf('## Introduction')), 'the sections keep their bytes');
    assert.equal(select().dataset.format, 'six-part');
    assert.match(view.container.textContent ?? '', /\+kiro/, 'the Kiro items under a six-part reading are named as a mix');

    await act(async () => {
      select().value = '';
      select().dispatchEvent(new Event('change', { bubbles: true }));
    });
    const back = useWorkbench.getState().doc;
    assert.deepEqual([back.template, back.formatSource], ['kiro-requirements', 'detected']);
    assert.ok(!/format:/.test(back.source));
  } finally {
    await view.unmount();
  }
});

test('the panes follow the document\'s own sections for every format', async () => {
  for (const [path, titles] of [
    ['kiro/four-requirements', ['Introduction', 'Requirements']],
    ['openspec/three-requirements', ['Purpose', 'Requirements']],
    ['speckit/three-stories', ['User Scenarios & Testing (mandatory)', 'Requirements (mandatory)', 'Success Criteria (mandatory)']],
  ] as const) {
    const content = readFileSync(join(appRoot, 'test/fixtures/formats', path, 'input.md'), 'utf8');
    await act(async () => useWorkbench.getState().load({ path: null, name: 'x.md', content, bom: false }));
    assert.deepEqual(useWorkbench.getState().panes.map((p) => p.title), titles, path);
  }
});
