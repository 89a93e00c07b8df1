import type { Locator, Page } from 'playwright-core';
import type { AppEventName } from '../../../renderer/src/events/app-events.js';

/** The workbench screen, as a user sees it. */
export class WorkbenchPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.waitForPanes();
  }

  /** Every visible pane's editor has mounted (the app's own signal, not a sleep). */
  async waitForPanes(): Promise<void> {
    await this.page.waitForFunction(() => document.body.dataset.panesReady === 'true');
  }

  panes(): Locator {
    return this.page.locator('section.pane[data-pane]');
  }

  pane(id: string): Locator {
    return this.page.locator(`section.pane[data-pane="${id}"]`);
  }

  paneTitle(id: string): Locator {
    return this.pane(id).locator('.pane-title');
  }

  /** The text Monaco renders in a pane (the visible lines). */
  async paneText(id: string): Promise<string> {
    return (await this.pane(id).locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
  }

  outlineCount(kind: 'fr' | 'nfr' | 'rows' | 'ac'): Locator {
    return this.page.locator(`[data-testid="outline-counts"] [data-count="${kind}"]`);
  }

  /** Types at the end of a pane's text. */
  async typeAtEnd(id: string, text: string): Promise<void> {
    await this.pane(id).locator('.view-lines').click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }

  /** Resolves on the next app event `name` on the window (the names: renderer/src/events/app-events.ts). */
  async nextEvent(name: AppEventName): Promise<void> {
    await this.page.evaluate((n) => new Promise<void>((resolve) => window.addEventListener(n, () => resolve(), { once: true })), name);
  }

  async save(): Promise<void> {
    const saved = this.page.evaluate(() => new Promise((resolve) => window.addEventListener('specbench:saved', resolve, { once: true })));
    await this.page.keyboard.press('Control+s');
    await saved;
  }

  dirtyMarker(): Locator {
    return this.page.getByTestId('dirty-marker');
  }

  title(): Locator {
    return this.page.getByTestId('spec-title');
  }

  async openFileFromDisk(name: string, bytes: Buffer): Promise<void> {
    await this.page.getByTestId('file-input').setInputFiles({ name, mimeType: 'text/markdown', buffer: bytes });
  }

  errorNotice(): Locator {
    return this.page.getByTestId('notice-error');
  }
}
