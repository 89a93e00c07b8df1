import type { Locator, Page } from 'playwright-core';

/** The three-way merge view a stale save's conflict opens in the editor pane (issue 15 FR-6). */
export class MergeViewPage {
  constructor(readonly page: Page) {}

  view(): Locator {
    return this.page.getByTestId('merge-view');
  }

  conflicts(): Locator {
    return this.page.getByTestId('merge-conflict');
  }

  conflict(key: string): Locator {
    return this.page.locator(`[data-testid="merge-conflict"][data-key="${key}"]`);
  }

  /** Waits until Monaco has computed the theirs-vs-mine diff of a section. */
  async waitForDiff(key: string): Promise<void> {
    await this.conflict(key).locator('[data-testid="merge-diff"][data-diff-ready="true"]').waitFor();
  }

  /** The text Monaco shows on theirs' side of a section's diff (the visible lines). */
  async theirsText(key: string): Promise<string> {
    return (await this.conflict(key).locator('.editor.original .view-lines').innerText()).replace(/\u00a0/g, ' ');
  }

  /** Every line Monaco shows in a section's diff, both sides (the modified side has nested line layers). */
  async diffText(key: string): Promise<string> {
    return (await this.conflict(key).locator('.view-lines').allInnerTexts()).join('\n').replace(/\u00a0/g, ' ');
  }

  async take(key: string, which: 'theirs' | 'mine' | 'both'): Promise<void> {
    await this.conflict(key).getByTestId(`merge-take-${which}`).click();
  }

  result(key: string): Locator {
    return this.conflict(key).getByTestId('merge-result');
  }

  saveButton(): Locator {
    return this.page.getByTestId('merge-save');
  }

  /** Saves the merge and waits for the app's own "saved" event. */
  async save(): Promise<void> {
    const saved = this.page.evaluate(() => new Promise((resolve) => window.addEventListener('specbench:versioned', resolve, { once: true })));
    await this.saveButton().click();
    await saved;
  }

  async close(): Promise<void> {
    await this.page.getByTestId('merge-close').click();
  }

  /** Opens the command palette and runs "Resolve merge". */
  async reopenFromPalette(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+P');
    await this.page.keyboard.type('Resolve merge');
    await this.page.keyboard.press('Enter');
    await this.view().waitFor();
  }
}
