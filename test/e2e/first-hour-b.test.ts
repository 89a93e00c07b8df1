import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openSession, type Session } from './harness.js';
import { ReviewPanelPage } from './pages/review-panel.js';
import { ServerPanel } from './pages/server-panel.js';

/** Everything from the first H2 on: the sections, which a title-bar edit must leave byte-identical. */
const sectionsOf = (text: string) => text.slice(text.indexOf('\n## '));

/** Opens the palette with its shortcut, filters by `query` and runs the first match with Enter. */
async function runCommand(page: Page, query: string, expectedId: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  await page.getByTestId('command-palette').waitFor();
  await page.getByTestId('palette-input').fill(query);
  const first = page.getByTestId('palette-item').first();
  assert.equal(await first.getAttribute('data-command'), expectedId, `"${query}" puts ${expectedId} first`);
  await page.keyboard.press('Enter');
  await page.getByTestId('command-palette').waitFor({ state: 'detached' });
}

describe('First hour: palette, find across panes, title bar edits, sign-in from the Server panel (issue 10 FR-9, AC-7)', () => {
  let session: Session;
  let page: Page;
  let server: ServerPanel;
  let original: string;

  before(async () => {
    // No API key, whatever the machine has set: the review pass runs offline.
    session = await openSession('magic-link.md', { reviewEnv: {}, viewport: { width: 1280, height: 720 } });
    page = session.page;
    server = new ServerPanel(page);
    original = readFileSync(session.bench.specPath, 'utf8');
  });
  after(async () => {
    if ((await server?.state().innerText().catch(() => '')) === 'RUNNING') {
      await server.stop();
      await server.state().filter({ hasText: /stopped/i }).waitFor({ timeout: 15_000 });
    }
    await session?.close();
  });

  it('the palette lists every action with its shortcut and filters as you type', async () => {
    await page.keyboard.press('Control+Shift+P');
    await page.getByTestId('command-palette').waitFor();
    const all = await page.getByTestId('palette-item').allInnerTexts();
    for (const title of ['Save', 'Open…', 'Start server', 'Stop server', 'Run all reviews', 'Find in all panes', 'Show panel: Problems', 'Keyboard shortcuts']) {
      assert.ok(all.some((t) => t.startsWith(title)), `palette lists "${title}"`);
    }
    assert.ok(all.some((t) => /^New from template: /.test(t)));
    assert.ok(all.some((t) => /^Save\s*Ctrl\+S$/.test(t)), 'Save shows its shortcut');
    await page.screenshot({ path: '/tmp/first-hour-b-palette.png' });
    await page.getByTestId('palette-input').fill('server');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="palette-item"]').length === 3);
    const ids = await page.getByTestId('palette-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-command')));
    assert.deepEqual(ids.sort(), ['panel.server', 'server.start', 'server.stop'], 'only the commands about the server');
    await page.keyboard.press('Escape');
    await page.getByTestId('command-palette').waitFor({ state: 'detached' });
    // `?` outside a text field lists the shortcuts.
    await page.locator('.app-name').click();
    await page.keyboard.press('?');
    await page.getByTestId('shortcut-list').waitFor();
    assert.match(await page.getByTestId('shortcut-list').innerText(), /Ctrl\+Shift\+F\s+Find in all panes/);
    await page.keyboard.press('Escape');
    await page.getByTestId('shortcut-list').waitFor({ state: 'detached' });
  });

  it('"Start server" from the palette starts it, Stop stays enabled while it starts', async () => {
    await runCommand(page, 'start serv', 'server.start');
    await page.getByTestId('panel-server').waitFor();
    await server.state().filter({ hasText: /starting/i }).waitFor();
    assert.equal(await page.getByTestId('server-stop').isEnabled(), true, 'Stop is enabled while starting');
    await server.url().waitFor({ timeout: 15_000 });
    assert.match(await server.state().innerText(), /running/i);
  });

  it('"Sign in with this link" completes the magic-link flow and shows the signed-in user', async () => {
    await server.requestLink('alice@example.com');
    await server.outboxEmails().first().waitFor();
    const href = await page.getByTestId('outbox-link').first().getAttribute('href');
    assert.match(href ?? '', /^http:\/\/127\.0\.0\.1:\d+\/auth\/magic-link\/verify\?token=[0-9a-f]{64}$/, 'the link is clickable and opens the verify page');
    await page.getByTestId('outbox-sign-in').first().click();
    await page.getByTestId('server-signed-in').waitFor();
    assert.match(await page.getByTestId('server-signed-in').innerText(), /Signed in as alice@example\.com/);
    // The same link again: the server refuses a used token, and the panel says so.
    await page.getByTestId('outbox-sign-in').first().click();
    await page.getByTestId('server-sign-in-failed').waitFor();
    assert.match(await page.getByTestId('server-sign-in-failed').innerText(), /TOKEN_USED/);
  });

  it('a restart clears the last server reply', async () => {
    assert.equal(await page.getByTestId('server-last-reply').count(), 1);
    await runCommand(page, 'stop server', 'server.stop');
    await server.state().filter({ hasText: /stopped/i }).waitFor({ timeout: 15_000 });
    await runCommand(page, 'start server', 'server.start');
    await server.url().waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId('server-last-reply').count(), 0);
    assert.equal(await page.getByTestId('server-sign-in-failed').count(), 0);
  });

  it('a review pass runs from the palette (offline)', async () => {
    await runCommand(page, 'run all reviews', 'review.all');
    const review = new ReviewPanelPage(page);
    await review.waitForPassStatus('offline', 'succeeded');
    assert.ok((await review.findings().count()) > 0, 'the offline pass lists findings');
  });

  it('editing the title in the title bar changes the Markdown title only', async () => {
    await page.getByTestId('spec-title').click();
    await page.getByTestId('spec-title-input').fill('Passwordless Sign-in');
    await page.keyboard.press('Enter');
    await page.getByTestId('spec-title').filter({ hasText: 'Passwordless Sign-in' }).waitFor();
    await session.ui.dirtyMarker().waitFor();
    await session.ui.save();
    const saved = readFileSync(session.bench.specPath, 'utf8');
    assert.match(saved, /^title: Passwordless Sign-in$/m);
    assert.match(saved, /^# Passwordless Sign-in$/m);
    assert.ok(!saved.includes('Magic Link Authentication\n'), 'the old title is gone from front matter and H1');
    assert.equal(sectionsOf(saved), sectionsOf(original), 'every section is byte-identical');
    assert.equal(saved.replace(/Passwordless Sign-in/g, 'Magic Link Authentication'), original, 'nothing else in the preamble moved');
  });

  it('status and any front-matter field are edited from the title bar too', async () => {
    await page.getByTestId('spec-status').click();
    await page.getByTestId('spec-status-input').fill('in-review');
    await page.keyboard.press('Enter');
    await page.getByTestId('spec-status').filter({ hasText: /in.review/i }).waitFor();
    await page.getByTestId('front-matter-button').click();
    await page.getByTestId('fm-author').fill('Jun Park');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.getByTestId('front-matter').waitFor({ state: 'detached' });
    await session.ui.save();
    const saved = readFileSync(session.bench.specPath, 'utf8');
    assert.match(saved, /^status: in-review$/m);
    assert.match(saved, /^author: Jun Park$/m);
    assert.equal(sectionsOf(saved), sectionsOf(original), 'every section is byte-identical');
  });

  it('find across panes steps from a match in one pane to a match in a second pane', async () => {
    await page.keyboard.press('Control+Shift+F');
    await page.getByTestId('find-input').fill('Postgres');
    await page.keyboard.press('Enter');
    const count = page.getByTestId('find-count');
    await count.filter({ hasText: /^1 of \d+/ }).waitFor();
    const firstPane = await count.getAttribute('data-pane');
    await page.keyboard.press('Enter');
    await count.filter({ hasText: /^2 of \d+/ }).waitFor();
    const secondPane = await count.getAttribute('data-pane');
    assert.ok(firstPane && secondPane && firstPane !== secondPane, `matches in two panes: ${firstPane}, ${secondPane}`);
    await page.locator(`section.pane[data-pane="${secondPane}"] .selected-text`).first().waitFor();
    assert.deepEqual(session.problems, []);
  });
});
