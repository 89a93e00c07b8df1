import type { Locator, Page } from 'playwright-core';

/** The Server panel in the dock. */
export class ServerPanel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('tab-server').click();
    await this.page.getByTestId('panel-server').waitFor();
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
