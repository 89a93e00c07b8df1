import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openSession, type Session } from './harness.js';
import type { WorkbenchPage } from './pages/workbench-page.js';

describe('lint in the editor (issue 3, AC-7)', () => {
  let session: Session;
  let page: Page;
  let ui: WorkbenchPage;
  let problems: string[];

  before(async () => {
    session = await openSession('magic-link-draft.md', { viewport: { width: 1500, height: 1100 } });
    ({ page, ui, problems } = session);
    await page.getByTestId('readiness').waitFor();
  });
  after(() => session?.close());

  it('marks each AC binary or not beside its line, and lists the findings in Problems', async () => {
    const pane = ui.pane('acceptance');
    assert.equal(await pane.locator('.ac-not-binary').count(), 6);
    assert.equal(await pane.locator('.ac-binary').count(), 3);
    const rules = await page.getByTestId('problem').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    for (const rule of ['ac/weak-modal', 'ac/vague-term', 'ac/ambiguous-pronoun', 'cross/number-conflict', 'cross/undefined-endpoint']) {
      assert.ok(rules.includes(rule), `Problems lists ${rule}`);
    }
  });

  it('squiggles a typed "should" within a second, names ac/weak-modal on hover, and fixes it to "must"', async () => {
    const pane = ui.pane('acceptance');
    // EARS: here "should" is a weak modal (in a Gherkin Then step it would be an assertion).
    await ui.typeAtEnd('acceptance', '- AC-10: When POST /auth/magic-link/verify is sent with a used token, the response status should be 400.');
    const typedAt = Date.now();
    const squiggle = pane.locator('.squiggly-error');
    await page.waitForFunction(
      (before) => document.querySelectorAll('[data-pane="acceptance"] .squiggly-error').length > before,
      await squiggle.count(),
    );
    assert.ok(Date.now() - typedAt < 1000, `squiggle after ${Date.now() - typedAt} ms`);

    // Hover the squiggle under the typed word: Monaco shows the marker message with the rule id.
    const boxes = (await Promise.all((await squiggle.all()).map((el) => el.boundingBox()))).filter((b) => b !== null);
    const box = boxes.sort((a, b) => b.y - a.y || b.x - a.x)[0];
    assert.ok(box, 'a squiggle is rendered');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover', { hasText: 'ac/weak-modal' });
    await hover.waitFor({ timeout: 5000 });

    // Ctrl+. on the word opens the quick fixes; the preferred one rewrites it to "must".
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: /must/ }).first();
    await fix.waitFor({ timeout: 5000 });
    await fix.click();
    await pane.locator('.view-line', { hasText: 'must be 400.' }).waitFor();
    const text = (await ui.paneText('acceptance')).replace(/\s+/g, ' ');
    assert.ok(text.includes('used token, the response status must be 400.'), text.slice(-200));
    assert.ok(!text.includes('status should be 400'));
    assert.deepEqual(problems, []);
  });
});
