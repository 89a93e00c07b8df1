import type { Locator, Page } from 'playwright-core';
import { DockPanelPage } from './dock-panel.js';

/** The Flow dock panel: Product Ops' dashboard of spec-to-implementation-start times. */
export class FlowPanelPage extends DockPanelPage {
  constructor(page: Page) {
    super(page, 'flow', 'flow-dashboard');
  }

  chart(): Locator {
    return this.page.getByTestId('flow-chart');
  }

  /** The chart's canvas, drawn by uPlot. */
  chartCanvas(): Locator {
    return this.chart().locator('canvas');
  }

  summary(): Locator {
    return this.page.getByTestId('flow-summary');
  }

  rows(): Locator {
    return this.page.getByTestId('flow-row');
  }

  /** Titles (as shown, with the flag mark) of the rows flagged as over a week. */
  async flaggedTitles(): Promise<string[]> {
    return this.page.locator('[data-testid="flow-row"][data-flagged="yes"] td:first-child').allInnerTexts();
  }

  async unflaggedTitles(): Promise<string[]> {
    return this.page.locator('[data-testid="flow-row"][data-flagged="no"] td:first-child').allInnerTexts();
  }

  /** Presses Export CSV and returns the downloaded file's name and text. */
  async exportCsv(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('flow-export-csv').click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }
}
