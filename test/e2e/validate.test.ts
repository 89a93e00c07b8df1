import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { openSession, type Session } from './harness.js';
import { ValidatePanel } from './pages/validate-panel.js';

const run = promisify(execFile);

// Issue 12 AC-8: in browser mode, Run puts a status icon beside each criterion, the drawer's curl
// line reproduces the failing request in a real shell, and Run against all defects shows the matrix.
describe('Validate panel (issue 12, FR-7 / AC-8)', () => {
  let session: Session;
  let page: Page;
  let validate: ValidatePanel;
  let problems: string[];

  before(async () => {
    session = await openSession('magic-link.md', { viewport: { width: 1600, height: 1000 } });
    ({ page, problems } = session);
    validate = new ValidatePanel(page);
    await validate.open();
  });
  after(async () => {
    await session?.close();
  });

  it('Run shows a passed icon beside each of the sample\'s 10 criteria', async () => {
    const done = await validate.run();
    assert.deepEqual({ passed: done.passed, total: done.total }, { passed: 10, total: 10 });
    // Ten icons placed (Monaco draws only the lines in view); every drawn criterion line has its ✓.
    await page.waitForFunction(() => document.body.dataset.validateDecorated === '10', null, { timeout: 10_000 });
    const drawn = await page.locator('[data-pane="acceptance"] .ac-badge').count();
    assert.ok(drawn >= 3, `${drawn} criterion lines drawn`);
    assert.equal(await validate.gutterIcons('passed').count(), drawn);
    assert.equal(await validate.gutterIcons().count(), drawn, 'no icon of another status');
    assert.equal(await page.locator('[data-testid="validate-result"][data-status="passed"]').count(), 10);
    assert.match(await page.getByTestId('validate-summary').innerText(), /10\/10 passed/);
    // The sample is in the library unchanged, so the run is kept with its version (FR-7).
    const stored = /^Stored with version (\d+)\.$/.exec(await page.getByTestId('validate-stored').innerText());
    assert.ok(stored, 'stored with a version');
    // History shows the result beside that version.
    await page.getByTestId('tab-history').click();
    const line = page.locator(`[data-testid="version"][data-number="${stored[1]}"] [data-testid="version-validation"]`);
    await line.waitFor();
    assert.equal(await line.innerText(), `v${stored[1]}: 10/10 passed`);
    await validate.open();
    assert.deepEqual(problems, []);
  });

  it('a criterion edited to expect 201 fails, and its drawer\'s curl line reproduces the 202 in a shell', async () => {
    // AC-6 expects 202 for an unknown address; make it expect 201 with Monaco's replace widget.
    await page.locator('[data-pane="acceptance"] .view-lines').click();
    await page.keyboard.press('Control+h');
    await page.locator('[data-pane="acceptance"] .find-widget .find-part .input').fill('status is 202, 0 emails');
    await page.locator('[data-pane="acceptance"] .find-widget .replace-part .input').fill('status is 201, 0 emails');
    await page.keyboard.press('Enter'); // in the replace box: replaces the one match
    await page.locator('[data-pane="acceptance"] .view-line', { hasText: 'status is 201, 0 emails' }).waitFor();
    await page.keyboard.press('Escape');

    const done = await validate.run();
    assert.deepEqual({ passed: done.passed, total: done.total }, { passed: 9, total: 10 });
    assert.match(await page.getByTestId('validate-stored').innerText(), /^Not stored: the file differs from every stored version/);
    assert.equal(await validate.result('AC-6').getAttribute('data-status'), 'failed');
    await validate.gutterIcons('failed').waitFor({ timeout: 5000 });
    assert.equal(await validate.gutterIcons('failed').count(), 1, 'the ✗ sits beside AC-6 only');

    const drawer = await validate.openDrawer('AC-6');
    const plan = await drawer.getByTestId('validate-plan').innerText();
    assert.match(plan, /POST \S*\/auth\/magic-link\/request/);
    assert.match(plan, /status equals 201/, 'the plan holds the edited expectation');
    assert.match(await drawer.getByTestId('validate-actual').innerText(), /202/);
    const exchange = drawer.locator('[data-testid="validate-exchange"]', { hasText: '/auth/magic-link/request' }).first();
    const shown = Number(await exchange.getByTestId('validate-exchange-status').innerText());
    const curl = await exchange.getByTestId('validate-curl').innerText();
    assert.match(curl, /^curl .*http:\/\/127\.0\.0\.1:\d+\/auth\/magic-link\/request/);

    // The embedded server is still running: the line, as copied, answers what the drawer showed.
    const { stdout } = await run('bash', ['-c', curl], { timeout: 15_000 });
    const status = /^HTTP\/[\d.]+ (\d{3})/.exec(stdout);
    assert.ok(status, stdout.slice(0, 200));
    assert.equal(shown, 202);
    assert.equal(Number(status[1]), shown);
    assert.deepEqual(problems, []);
  });

  it('Run against all defects shows the defect × criterion matrix with the score', async () => {
    const done = await validate.run('all');
    assert.ok(done.score, 'a mutation score is announced');
    await validate.matrix().waitFor();
    const [killed, total] = done.score.split('/').map(Number);
    assert.equal(total, 12, 'twelve defects');
    assert.ok(killed! > 0 && killed! < 12, `score ${done.score}`);
    assert.match(await validate.score().innerText(), new RegExp(`Mutation score ${killed}/12`));
    assert.equal(await page.getByTestId('matrix-defect').count(), 12);
    assert.equal(await page.getByTestId('matrix-cell').count(), 12 * 10, 'one cell per defect × criterion');
    assert.equal(await page.locator('[data-testid="matrix-defect"][data-killed="false"]').count(), 12 - killed!);
    assert.equal(await page.getByTestId('surviving-defect').count(), 12 - killed!, 'a suggestion per surviving defect');
    // One click inserts a survivor's suggested criterion as the next AC of the spec.
    const suggestion = (await page.locator('[data-testid="surviving-defect"] blockquote').first().innerText()).replace(/\s*Insert$/, '');
    await page.getByTestId('insert-suggestion').first().click();
    await page.locator('[data-pane="acceptance"] .view-line', { hasText: 'AC-11:' }).waitFor();
    const paneText = (await session.ui.paneText('acceptance')).replace(/\s+/g, ' ');
    assert.ok(paneText.includes(`- **AC-11:** ${suggestion.slice(0, 60)}`), paneText.slice(-400));

    await validate.matrix().scrollIntoViewIfNeeded();
    await page.getByTestId('validate-open-AC-6').click(); // closes the drawer, so the shot shows the matrix

    await validate.matrix().screenshot({ path: '/tmp/validate-matrix.png' });
    await page.screenshot({ path: '/tmp/validate-panel.png' });
    assert.deepEqual(problems, []);
  });

  it('an undefined step becomes a hint at its words in the editor, and the criterion is never passed', async () => {
    await page.locator('[data-pane="acceptance"] .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n- **AC-12:** The login works.');
    await page.locator('[data-pane="acceptance"] .view-line', { hasText: 'The login works.' }).waitFor();
    await page.waitForFunction(() => document.body.dataset.validateDecorated !== undefined);
    const done = await validate.run();
    assert.equal(done.total, 12, 'the inserted AC-11 and the typed AC-12 run too');
    assert.equal(await validate.result('AC-12').getAttribute('data-status'), 'undefined');
    await page.waitForFunction(() => Number(document.body.dataset.validateHints) >= 1, null, { timeout: 5000 });
    const drawer = await validate.openDrawer('AC-12');
    assert.match(await drawer.innerText(), /No step for “[^”]*login works[^”]*”\. Nearest: /i);
    assert.deepEqual(problems, []);
  });
});
