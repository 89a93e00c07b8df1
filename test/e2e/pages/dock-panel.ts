import type { Page } from 'playwright-core';

/** A tab of the right-hand dock: opening it means clicking its tab and waiting for its content. */
export abstract class DockPanelPage {
  constructor(
    readonly page: Page,
    private readonly tabId: string,
    /** A test id inside the panel that exists once it has loaded. */
    private readonly readyTestId: string,
  ) {}

  async open(): Promise<void> {
    await this.page.getByTestId(`tab-${this.tabId}`).click();
    await this.page.getByTestId(this.readyTestId).waitFor();
  }
}
