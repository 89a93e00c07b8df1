import type { Locator, Page } from 'playwright-core';
import { DockPanelPage } from './dock-panel.js';

/** The Comments dock panel: profile, reviewers, new comment on the editor selection, threads, filters, verdicts. */
export class CommentsPanelPage extends DockPanelPage {
  constructor(page: Page) {
    super(page, 'comments', 'panel-comments');
  }

  private id(testId: string): Locator {
    return this.page.getByTestId('panel-comments').getByTestId(testId);
  }

  /** Sets the profile (first use) or switches to another person by their email. */
  async setProfile(name: string, email: string): Promise<void> {
    if (!(await this.id('profile-form').isVisible())) await this.id('comments-profile-toggle').click();
    await this.id('profile-name').fill(name);
    await this.id('profile-email').fill(email);
    await this.id('profile-save').click();
    await this.page.getByTestId('comments-profile').filter({ hasText: name }).waitFor();
  }

  async addReviewer(name: string, email: string): Promise<void> {
    await this.id('reviewers-toggle').click();
    await this.id('reviewer-name').fill(name);
    await this.id('reviewer-email').fill(email);
    await this.id('reviewer-add').click();
    await this.id('reviewers-toggle').filter({ hasText: 'Reviewers (1)' }).waitFor();
  }

  /** Writes a comment on the current editor selection and waits for its thread. */
  async comment(body: string, severity: 'blocking' | 'non-blocking' | 'question'): Promise<void> {
    const before = await this.threads().count();
    await this.id('comment-body').fill(body);
    await this.id('comment-severity').selectOption(severity);
    await this.id('comment-add').click();
    await this.threads().nth(before).waitFor();
  }

  /** A suggestion replacing the current editor selection with `replacement`. */
  async suggest(body: string, replacement: string): Promise<void> {
    await this.id('comment-suggest').setChecked(true);
    await this.id('comment-replacement').fill(replacement);
    await this.comment(body, 'non-blocking');
  }

  async submitReview(verdict: 'approve' | 'request-changes' | 'comment'): Promise<void> {
    await this.id('review-verdict').selectOption(verdict);
    await this.id('review-submit').click();
    await this.verdictRows().first().waitFor();
  }

  threads(): Locator {
    return this.id('thread');
  }

  verdictRows(): Locator {
    return this.id('verdict-row');
  }

  async setFilter(name: 'open' | 'mine' | 'blocking' | 'outdated' | 'showResolved', on: boolean): Promise<void> {
    await this.id(`filter-${name}`).setChecked(on);
  }

  async resolve(thread: Locator): Promise<void> {
    await thread.getByTestId('thread-resolve').click();
  }

  empty(): Locator {
    return this.id('comments-empty');
  }
}
