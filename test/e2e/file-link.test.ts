import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startWorkbench, watchPageHealth, type Workbench } from './harness.js';
import { HistoryPanelPage } from './pages/history-panel.js';
import { LibraryPanelPage } from './pages/library-panel.js';
import { WorkbenchPage } from './pages/workbench-page.js';

const TYPED = 'Typed on port A, restored on port B.';

/** A page in its own browser context: a fresh profile (no localStorage, no cookies) on `url`. */
async function freshProfile(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page; ui: WorkbenchPage; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  const problems = watchPageHealth(page);
  const ui = new WorkbenchPage(page);
  await ui.open(url);
  return { context, page, ui, problems };
}

/** Resolves on the page's next autosave (the app's own event, not a sleep); call before typing. */
function nextAutosave(page: Page): Promise<unknown> {
  return page.evaluate(() => new Promise((resolve) => window.addEventListener('specbench:autosaved', resolve, { once: true })));
}

describe('the host owns the file → spec link (issue 9 AC-2)', () => {
  let browser: Browser;
  let benchA: Workbench;
  let benchB: Workbench;

  before(async () => {
    browser = await launchChromium();
    // Port A serves a scratch copy of samples/magic-link.md with its own data folder.
    benchA = await startWorkbench('magic-link.md');
  });
  after(async () => {
    await browser?.close();
    await benchB?.close();
    await benchA?.close();
  });

  it('AC-2: a draft typed on port A is restored on port B (same data folder, fresh profile), with one library entry and one history', async () => {
    const onDisk = readFileSync(benchA.specPath, 'utf8');
    const a = await freshProfile(browser, benchA.host.url);
    const autosaved = nextAutosave(a.page);
    await a.ui.typeAtEnd('context', TYPED);
    await autosaved;

    // Port B: another host process on the same data folder, opening the same file, in a profile that never saw port A.
    benchB = await startWorkbench('magic-link.md', { sameFolderAs: benchA });
    assert.notEqual(new URL(benchB.host.url).port, new URL(benchA.host.url).port);
    const b = await freshProfile(browser, benchB.host.url);
    await b.ui.pane('context').locator('.view-lines', { hasText: TYPED }).waitFor();
    assert.ok((await b.ui.paneText('context')).includes(TYPED), 'the draft typed on port A is restored');
    assert.equal(await b.ui.dirtyMarker().count(), 1, 'restored text is unsaved');
    assert.match(await b.page.getByTestId('notice-info').innerText(), /Restored unsaved changes to magic-link\.md/);
    assert.equal(readFileSync(benchA.specPath, 'utf8'), onDisk, 'the file on disk is unchanged');

    const library = new LibraryPanelPage(b.page);
    await library.open();
    await library.specs().first().waitFor();
    assert.equal(await library.specs().count(), 1, 'one library entry for the file');
    const history = new HistoryPanelPage(b.page);
    await history.open();
    await history.waitForVersion(1);
    assert.deepEqual(await history.numbers(), [1], 'one history, started from the file');

    // Saving on port B continues the same history; port A, reloaded, sees the same spec with no draft left.
    await b.ui.save();
    await history.waitForVersion(2);
    assert.deepEqual(await history.numbers(), [2, 1]);
    await a.page.reload();
    await a.ui.waitForPanes();
    assert.ok((await a.ui.paneText('context')).includes(TYPED), 'port A opens the saved file');
    assert.equal(await a.ui.dirtyMarker().count(), 0, 'the draft went with the save');
    const historyA = new HistoryPanelPage(a.page);
    await historyA.open();
    await historyA.waitForVersion(2);
    assert.deepEqual(await historyA.numbers(), [2, 1], 'port A shows the same history');
    const libraryA = new LibraryPanelPage(a.page);
    await libraryA.open();
    await libraryA.specs().first().waitFor();
    assert.equal(await libraryA.specs().count(), 1);

    assert.deepEqual([...a.problems, ...b.problems], []);
  });
});
