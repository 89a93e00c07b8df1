import type { Locator, Page } from 'playwright-core';
import { DockPanelPage } from './dock-panel.js';

/** The Review dock panel (issue 5), as a user sees it. */
export class ReviewPanelPage extends DockPanelPage {
  constructor(page: Page) {
    super(page, 'review', 'review-passes');
  }

  root(): Locator {
    return this.page.getByTestId('review-panel');
  }

  offlineBanner(): Locator {
    return this.page.getByTestId('review-offline-banner');
  }

  pass(id: string): Locator {
    return this.page.getByTestId(`review-pass-${id}`);
  }

  /** The status a pass row shows (running, succeeded, failed, cancelled, cached…). */
  async passStatus(id: string): Promise<string | null> {
    return this.pass(id).getAttribute('data-status');
  }

  async waitForPassStatus(id: string, status: string): Promise<void> {
    await this.page.locator(`[data-testid="review-pass-${id}"][data-status="${status}"]`).waitFor();
  }

  async runPass(id: string): Promise<void> {
    await this.page.getByTestId(`review-run-${id}`).click();
  }

  async runAll(): Promise<void> {
    await this.page.getByTestId('review-run-all').click();
  }

  async cancel(): Promise<void> {
    await this.page.getByTestId('review-cancel').click();
  }

  findings(): Locator {
    return this.page.getByTestId('review-finding');
  }

  finding(index: number): Locator {
    return this.findings().nth(index);
  }

  async waitForFindingCount(count: number): Promise<void> {
    await this.page.waitForFunction((n) => document.querySelectorAll('[data-testid="review-finding"]').length === n, count);
  }

  async problems(): Promise<string[]> {
    return this.page.getByTestId('review-finding-problem').allInnerTexts();
  }

  async findingIds(): Promise<string[]> {
    return this.findings().evaluateAll((els) => els.map((e) => e.getAttribute('data-finding-id') ?? ''));
  }

  /** Clicks a finding's quote: the pane scrolls to it. */
  async reveal(index: number): Promise<void> {
    await this.finding(index).getByTestId('review-finding-quote').click();
  }

  /** The decoration over a finding's quote inside one pane's editor. */
  anchorIn(paneId: string, findingId: string): Locator {
    return this.page.locator(`section.pane[data-pane="${paneId}"] .review-f-${findingId}`);
  }

  /** The text under a finding's decoration, as rendered (whitespace removed: wrapping splits it). */
  async anchoredText(paneId: string, findingId: string): Promise<string> {
    return (await this.anchorIn(paneId, findingId).allInnerTexts()).join('').replace(/[\s\u00a0]+/g, '');
  }

  /** Clicks Apply on a finding and waits until the host has recorded it as applied. */
  async apply(index: number): Promise<void> {
    const recorded = this.page.waitForResponse((r) => r.url().endsWith('/api/review.findingState.set'));
    await this.finding(index).getByTestId('review-apply').click();
    await recorded;
  }

  async dismiss(index: number): Promise<void> {
    const recorded = this.page.waitForResponse((r) => r.url().endsWith('/api/review.findingState.set'));
    await this.finding(index).getByTestId('review-dismiss').click();
    await recorded;
  }

  async openSettings(): Promise<Locator> {
    await this.page.getByTestId('review-settings-button').click();
    const dialog = this.page.getByTestId('review-settings');
    await dialog.waitFor();
    return dialog;
  }

  settings(): Locator {
    return this.page.getByTestId('review-settings');
  }
}
