import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startWorkbench, watchPageHealth, type Workbench } from './harness.js';
import { HistoryPanelPage } from './pages/history-panel.js';
import { MergeViewPage } from './pages/merge-view.js';
import { WorkbenchPage } from './pages/workbench-page.js';

/** A window in its own browser profile on the workbench. */
async function openWindow(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page; ui: WorkbenchPage; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  const problems = watchPageHealth(page);
  const ui = new WorkbenchPage(page);
  await ui.open(url);
  return { context, page, ui, problems };
}

// Two windows on one local library: the team server's concurrent edit in small (issue 15 FR-6, AC-4).
describe('concurrent edits: stale saves merge, the same section opens the merge view', () => {
  let browser: Browser;
  let bench: Workbench;
  let a: Awaited<ReturnType<typeof openWindow>>;
  let b: Awaited<ReturnType<typeof openWindow>>;

  before(async () => {
    browser = await launchChromium();
    bench = await startWorkbench('magic-link.md');
    a = await openWindow(browser, bench.host.url);
    await a.ui.save();
    // B opens after version 1 exists: both windows are based on it.
    b = await openWindow(browser, bench.host.url);
  });
  after(async () => {
    await browser?.close();
    await bench?.close();
  });

  it('edits to different sections from the same base merge: both edits are in the result, with a notice', async () => {
    await a.ui.typeAtEnd('context', ' Window A context.');
    await a.ui.save();
    await b.ui.typeAtEnd('acceptance', '\n- **AC-20:** Given window B, when it saves, then its criterion is kept.');
    await b.ui.save();

    await b.page.getByTestId('notice-info').filter({ hasText: /Merged with .+'s version 2: sections Context\./ }).waitFor();
    await b.ui.waitForPanes();
    await b.ui.pane('context').locator('.view-lines', { hasText: 'Window A context.' }).waitFor();
    const history = new HistoryPanelPage(b.page);
    await history.open();
    await history.waitForVersion(3);
    const onDisk = readFileSync(bench.specPath, 'utf8');
    assert.ok(onDisk.includes('Window A context.') && onDisk.includes('AC-20'), 'the file holds both edits');
  });

  it('the same section: the second window gets the merge view, no version is made, nothing is lost; Take both saves both', async () => {
    // B saves again on the head (plain save, version 4); A is still based on version 2.
    await b.ui.typeAtEnd('acceptance', ' Edited by B.');
    await b.ui.save();
    await a.ui.typeAtEnd('acceptance', ' Edited by A.');
    const conflict = a.ui.nextEvent('specbench:merge-conflict');
    await a.ui.save();
    await conflict;

    const merge = new MergeViewPage(a.page);
    await merge.view().waitFor();
    assert.equal(await merge.conflicts().count(), 1);
    await merge.waitForDiff('acceptance');
    assert.match(await merge.theirsText('acceptance'), /Edited by B\./);
    assert.match(await merge.diffText('acceptance'), /Edited by A\./);
    const history = new HistoryPanelPage(a.page);
    await history.open();
    await history.waitForVersion(4);
    assert.deepEqual(await history.numbers(), [4, 3, 2, 1], 'the conflicting save made no version');

    // Closed, the view keeps the text in the editor; the palette brings it back.
    await merge.close();
    await a.ui.waitForPanes();
    await a.ui.pane('acceptance').locator('.view-lines').click();
    await a.page.keyboard.press('Control+End');
    await a.ui.pane('acceptance').locator('.view-lines', { hasText: 'Edited by A.' }).waitFor();
    await merge.reopenFromPalette();

    assert.equal(await merge.saveButton().isDisabled(), true);
    await merge.take('acceptance', 'both');
    const result = await merge.result('acceptance').inputValue();
    assert.match(result, /Edited by B\.[\s\S]*Edited by A\./);
    await merge.save();
    await history.waitForVersion(5);
    await merge.view().waitFor({ state: 'detached' });
    const onDisk = readFileSync(bench.specPath, 'utf8');
    assert.ok(onDisk.includes('Edited by A.') && onDisk.includes('Edited by B.') && onDisk.includes('Window A context.') && onDisk.includes('AC-20'), 'every edit survives');
    assert.deepEqual([...a.problems, ...b.problems], []);
  });
});
