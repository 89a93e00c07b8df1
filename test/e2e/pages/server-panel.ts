import type { Locator, Page } from 'playwright-core';
import { DockPanelPage } from './dock-panel.js';

/** The Server panel in the dock. */
export class ServerPanel extends DockPanelPage {
  constructor(page: Page) {
    super(page, 'server', 'panel-server');
  }

  state(): Locator {
    return this.page.getByTestId('server-state');
  }

  url(): Locator {
    return this.page.getByTestId('server-url');
  }

  async start(): Promise<void> {
    await this.page.getByTestId('server-start').click();
  }

  async stop(): Promise<void> {
    await this.page.getByTestId('server-stop').click();
  }

  async requestLink(email: string): Promise<void> {
    await this.page.getByTestId('server-email').fill(email);
    await this.page.getByTestId('server-request-link').click();
  }

  outboxEmails(): Locator {
    return this.page.getByTestId('outbox-email');
  }

  logs(): Locator {
    return this.page.getByTestId('server-logs');
  }
}
