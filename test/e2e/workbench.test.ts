import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { parseSpec } from '../../core/markdown/parse.js';
import { openSession, type Session, type Workbench } from './harness.js';
import type { WorkbenchPage } from './pages/workbench-page.js';

const SECTIONS: Array<[string, string, string]> = [
  ['context', 'Context', 'The service is a REST API'],
  ['problem', 'Problem Statement', 'People who only sign in now and then'],
  ['functional', 'Functional Requirements', '**FR-1:**'],
  ['nonFunctional', 'Non-Functional Requirements', '**NFR-1 (Token generation):**'],
  ['edgeCases', 'Edge Cases and Error Handling', '| Scenario |'],
  ['acceptance', 'Acceptance Criteria', '### Happy Path'],
];

describe('workbench in browser mode', () => {
  let session: Session;
  let bench: Workbench;
  let page: Page;
  let ui: WorkbenchPage;
  let problems: string[];
  const requests: string[] = [];

  before(async () => {
    // Requests are recorded from the first navigation on, so start-up traffic is included.
    session = await openSession('magic-link.md', { onPage: (p) => p.on('request', (r) => requests.push(r.url())) });
    ({ bench, page, ui, problems } = session);
  });
  after(() => session?.close());

  it('shows six titled panes holding their sections, and the outline counts (AC-2)', async () => {
    assert.equal(await ui.panes().count(), 6);
    for (const [id, title, opening] of SECTIONS) {
      assert.equal(await ui.paneTitle(id).innerText(), title);
      assert.ok((await ui.paneText(id)).includes(opening), `${id} pane shows "${opening}"`);
    }
    assert.equal(await ui.outlineCount('fr').innerText(), '8 FR');
    assert.equal(await ui.outlineCount('nfr').innerText(), '5 NFR');
    assert.equal(await ui.outlineCount('rows').innerText(), '8 edge cases');
    assert.equal(await ui.outlineCount('ac').innerText(), '10 AC');
    assert.equal(await ui.title().innerText(), 'Magic Link Authentication');
  });

  it('makes no request off 127.0.0.1 and trips no CSP rule while Monaco runs (AC-7, NFR-2)', () => {
    const origin = new URL(bench.host.url).origin;
    const offHost = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(offHost, []);
    assert.ok(requests.some((u) => /editor\.worker/.test(u)), 'the editor worker came from our own bundle');
    assert.deepEqual(problems, []);
  });

  it('saves an edit to the FR pane and leaves every other section byte-identical (AC-5)', async () => {
    const before = parseSpec(readFileSync(bench.specPath, 'utf8'));
    await ui.typeAtEnd('functional', '- **FR-9:** The system must record each sign-in in audit_log.');
    await ui.dirtyMarker().waitFor();
    await ui.save();
    const after = parseSpec(readFileSync(bench.specPath, 'utf8'));
    assert.equal(after.preamble, before.preamble);
    assert.equal(after.sections.length, before.sections.length);
    after.sections.forEach((section, i) => {
      assert.equal(section.headingRaw, before.sections[i].headingRaw);
      if (section.key === 'functional') {
        assert.ok(section.body.includes('- **FR-9:** The system must record each sign-in in audit_log.'));
        assert.deepEqual(section.items.map((x) => x.id).slice(-1), ['FR-9']);
      } else {
        assert.equal(section.body, before.sections[i].body, `${section.key} unchanged`);
      }
    });
    assert.equal(await ui.dirtyMarker().count(), 0);
  });

  it('refuses a file with invalid UTF-8, naming the byte offset, and keeps the open spec (AC-6)', async () => {
    const titleBefore = await ui.title().innerText();
    const frBefore = await ui.paneText('functional');
    await ui.openFileFromDisk('broken.md', Buffer.from([0x23, 0x20, 0x58, 0x0a, 0x61, 0xff, 0x62]));
    await ui.errorNotice().waitFor();
    assert.match(await ui.errorNotice().innerText(), /broken\.md: not valid UTF-8: bad byte 0xff at byte offset 5/);
    assert.equal(await ui.title().innerText(), titleBefore);
    assert.equal(await ui.paneText('functional'), frBefore);
  });

  it('offers both templates for a new spec and opens the six-section one with empty panes', async () => {
    await page.getByRole('button', { name: 'New ▾' }).click();
    assert.equal(await page.getByTestId('new-agent-ready').count(), 1);
    assert.equal(await page.getByTestId('new-product-ops').count(), 1);
    await page.getByTestId('new-product-ops').click();
    await ui.waitForPanes();
    assert.deepEqual(await ui.panes().locator('.pane-title').allInnerTexts(), [
      'Background & Motivation',
      'Proposed Design',
      'Implementation Plan',
      'Alternatives Considered',
      'Security & Privacy',
      'Performance Requirements',
      'Rollout Plan',
    ]);
    assert.equal(await ui.title().innerText(), 'Untitled spec');
  });

  it('switches to the whole-document view and back without losing text', async () => {
    await page.getByTestId('view-document').click();
    await page.getByTestId('document-pane').locator('.view-lines', { hasText: '# Untitled spec' }).waitFor();
    await page.getByTestId('view-sections').click();
    await ui.pane('rollout').locator('.view-lines', { hasText: 'Feature flags' }).waitFor();
    assert.equal(await ui.panes().count(), 7);
  });
});
