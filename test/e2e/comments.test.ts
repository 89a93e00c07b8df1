import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openSession, type Session } from './harness.js';
import { CommentsPanelPage } from './pages/comments-panel.js';
import type { WorkbenchPage } from './pages/workbench-page.js';

const SHOTS = process.env.SPECBENCH_SCREENSHOTS ?? '/tmp';

describe('asynchronous review in the Comments panel (issue 13)', () => {
  let session: Session;
  let page: Page;
  let ui: WorkbenchPage;
  let comments: CommentsPanelPage;

  before(async () => {
    session = await openSession('magic-link.md');
    ({ page, ui } = session);
    comments = new CommentsPanelPage(page);
  });
  after(() => session?.close());

  it('AC-5: a reviewer comments on a selection in the FR pane and requests changes; the author sees both, resolves, and the open filter drops it', async () => {
    await ui.save();
    await comments.open();
    await comments.setProfile('Priya Author', 'priya@example.com');
    await comments.addReviewer('Sam Reviewer', 'sam@example.com');

    // The reviewer (same machine, switching profile by email) selects three words inside FR-1.
    await comments.setProfile('Sam Reviewer', 'sam@example.com');
    const line = ui.pane('functional').locator('.view-line', { hasText: 'FR-1' }).first();
    await line.click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Control+ArrowRight');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
    await comments.comment('Which status code when the body is not JSON?', 'blocking');
    const thread = comments.threads().first();
    assert.equal(await thread.getByTestId('thread-where').innerText(), 'FR-1');
    const quote = await thread.getByTestId('thread-quote').innerText();
    assert.ok(quote.trim().length > 0 && (await ui.paneText('functional')).includes(quote.trim()), `the quote "${quote}" is text of the FR pane`);
    assert.match(await thread.innerText(), /pending/);
    await page.locator('.comment-anchor').first().waitFor();
    await comments.submitReview('request-changes');
    assert.match(await comments.verdictRows().first().innerText(), /Sam Reviewer: request-changes on v1/);
    await page.screenshot({ path: `${SHOTS}/comments-reviewer.png` });

    // The author sees the published thread and the verdict, and resolves the thread.
    await comments.setProfile('Priya Author', 'priya@example.com');
    await comments.setFilter('open', true);
    assert.equal(await comments.threads().count(), 1);
    const seen = comments.threads().first();
    assert.match(await seen.innerText(), /Sam Reviewer/);
    assert.match(await seen.innerText(), /Which status code when the body is not JSON\?/);
    assert.doesNotMatch(await seen.innerText(), /pending/);
    assert.match(await comments.verdictRows().first().innerText(), /request-changes/);
    await page.screenshot({ path: `${SHOTS}/comments-author.png` });

    await comments.resolve(seen);
    await comments.empty().waitFor();
    assert.equal(await comments.threads().count(), 0, 'the open filter no longer lists it');
    await comments.setFilter('open', false);
    await comments.setFilter('showResolved', true);
    assert.equal(await comments.threads().first().getAttribute('data-status'), 'resolved');
    await page.screenshot({ path: `${SHOTS}/comments-resolved.png` });
    assert.deepEqual(session.problems, []);
  });

  it('AC-3: accepting a suggestion replaces its quote in the pane as one edit, Ctrl+Z restores the text, and the thread is resolved', async () => {
    await comments.setFilter('showResolved', true);
    const line = ui.pane('acceptance').locator('.view-line', { hasText: 'AC-4' }).first();
    await line.click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Control+ArrowRight');
    for (let i = 0; i < 2; i++) await page.keyboard.press('Control+Shift+ArrowRight');
    const before = await ui.paneText('acceptance');
    // Ctrl+Alt+M moves to the comment box; the editor keeps its selection.
    await page.keyboard.press('Control+Alt+m');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'comment-body');
    await comments.suggest('Name the table exactly', 'REPLACEDWORDS');
    const thread = comments.threads().filter({ hasText: 'Name the table exactly' });
    await thread.getByTestId('suggestion-accept').click();
    await page.waitForFunction(() => document.querySelector('section.pane[data-pane="acceptance"] .view-lines')?.textContent?.includes('REPLACEDWORDS'));
    const quote = (await thread.getByTestId('thread-quote').innerText()).trim();
    const after = await ui.paneText('acceptance');
    assert.ok(before.includes(quote) && after.includes('REPLACEDWORDS'));
    await page.locator('[data-testid="thread"][data-status="resolved"]', { hasText: 'Name the table exactly' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/comments-suggestion-accepted.png` });

    await line.click();
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => !document.querySelector('section.pane[data-pane="acceptance"] .view-lines')?.textContent?.includes('REPLACEDWORDS'));
    assert.equal(await ui.paneText('acceptance'), before, 'one Ctrl+Z restores the text');
    assert.deepEqual(session.problems, []);
  });
});
