import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openSession, type Session, type Workbench } from './harness.js';
import type { WorkbenchPage } from './pages/workbench-page.js';

describe('autosave and history (issue 4)', () => {
  let session: Session;
  let bench: Workbench;
  let page: Page;
  let ui: WorkbenchPage;
  let problems: string[];

  before(async () => {
    session = await openSession('magic-link.md', {});
    ({ bench, page, ui, problems } = session);
  });
  after(() => session?.close());

  it('keeps typed text across a reload once the draft is autosaved, without touching the file (AC-4)', async () => {
    const onDisk = readFileSync(bench.specPath, 'utf8');
    const typed = 'Reviewers meet for 30 minutes after comments close.';
    await ui.typeAtEnd('context', typed);
    // The app's own signal, not a sleep. Listening after the last key is safe (the draft is written
    // a second after typing stops) and means the draft caught holds all of the text.
    await ui.nextEvent('specbench:autosaved');
    await page.reload();
    await ui.waitForPanes();
    await ui.pane('context').locator('.view-lines', { hasText: typed }).waitFor();
    assert.ok((await ui.paneText('context')).includes(typed));
    assert.equal(await ui.dirtyMarker().count(), 1, 'restored text is unsaved');
    assert.equal(readFileSync(bench.specPath, 'utf8'), onDisk, 'the file on disk is unchanged');
    assert.match(await page.getByTestId('notice-info').innerText(), /Restored unsaved changes to magic-link\.md/);
  });

  it('saving writes the file, records a version and drops the draft, so a reload shows no restore', async () => {
    await ui.save();
    assert.ok(readFileSync(bench.specPath, 'utf8').includes('Reviewers meet for 30 minutes'));
    await page.reload();
    await ui.waitForPanes();
    assert.ok((await ui.paneText('context')).includes('Reviewers meet for 30 minutes'));
    assert.equal(await ui.dirtyMarker().count(), 0);
    assert.equal(await page.getByTestId('notice-info').count(), 0);
    assert.deepEqual(problems, []);
  });
});
