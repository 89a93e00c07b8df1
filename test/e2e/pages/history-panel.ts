import type { Locator, Page } from 'playwright-core';
import { DockPanelPage } from './dock-panel.js';

/** Monaco's rendered lines as plain text (non-breaking spaces and wrapping folded to single spaces). */
async function renderedText(lines: Locator): Promise<string> {
  return (await lines.innerText()).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
}

/** The History dock panel: the open spec's versions, restore, and compare. */
export class HistoryPanelPage extends DockPanelPage {
  constructor(page: Page) {
    super(page, 'history', 'history');
  }

  emptyMessage(): Locator {
    return this.page.getByTestId('history-empty');
  }

  versions(): Locator {
    return this.page.getByTestId('version');
  }

  version(number: number): Locator {
    return this.page.locator(`[data-testid="version"][data-number="${number}"]`);
  }

  /** Waits until the list shows version `number` (the panel refreshes on `specbench:versioned`). */
  async waitForVersion(number: number): Promise<Locator> {
    const row = this.version(number);
    await row.waitFor();
    return row;
  }

  /** Version numbers as listed, top to bottom. */
  async numbers(): Promise<number[]> {
    return this.versions().evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-number'))));
  }

  /** The semantic change lines of a version ("Acceptance Criteria: AC-11 added"). */
  changeLines(number: number): Promise<string[]> {
    return this.version(number).getByTestId('change-line').allInnerTexts();
  }

  contentHash(number: number): Promise<string | null> {
    return this.version(number).getAttribute('data-hash');
  }

  async restore(number: number): Promise<void> {
    await this.version(number).getByTestId('version-restore').click();
  }

  /** Ticks two versions and opens the diff view on them. */
  async compare(a: number, b: number): Promise<DiffViewPage> {
    for (const row of await this.versions().all()) {
      const box = row.getByTestId('version-select');
      const wanted = [a, b].includes(Number(await row.getAttribute('data-number')));
      if ((await box.isChecked()) !== wanted) await box.click();
    }
    await this.page.getByTestId('history-compare').click();
    const diff = new DiffViewPage(this.page);
    await diff.root().waitFor();
    return diff;
  }
}

/** The compare overlay: semantic summary, section picker, Monaco diff editor. */
export class DiffViewPage {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('diff-view');
  }

  summary(): Locator {
    return this.page.getByTestId('diff-summary');
  }

  summaryLines(): Promise<string[]> {
    return this.page.getByTestId('diff-summary-line').allInnerTexts();
  }

  /** Section key → change kind, as the picker lists them. */
  async sectionChanges(): Promise<Record<string, string>> {
    const pairs = await this.page
      .locator('[data-testid="diff-section"][data-change]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-key') ?? '', e.getAttribute('data-change') ?? '']));
    return Object.fromEntries(pairs);
  }

  /** Shows the whole document ('document') or one section by key, and waits for the diff to be computed. */
  async show(key: string): Promise<void> {
    await this.page.locator(`[data-testid="diff-section"][data-key="${key}"]`).click();
    await this.waitForDiff(key);
  }

  async waitForDiff(key: string): Promise<void> {
    const ready = key === 'document' ? '__document__' : key;
    await this.page.waitForFunction((k) => document.querySelector('[data-testid="diff-editor"]')?.getAttribute('data-diff-ready') === k, ready);
  }

  originalText(): Promise<string> {
    return renderedText(this.root().locator('.editor.original .view-lines'));
  }

  modifiedText(): Promise<string> {
    return renderedText(this.root().locator('.editor.modified .view-lines'));
  }

  /** Lines the diff editor marks as inserted on the modified side. */
  insertedLines(): Locator {
    return this.root().locator('.editor.modified .line-insert');
  }

  async closeWithEscape(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.root().waitFor({ state: 'detached' });
  }
}
