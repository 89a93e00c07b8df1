import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { watchPageHealth } from '../harness.js';
import { CommentsPanelPage } from './comments-panel.js';
import { TeamSignInPage } from './team-sign-in-page.js';
import { WorkbenchPage } from './workbench-page.js';

/**
 * One person's window on a team server, in its own browser profile (own cookie jar): signing in
 * through the real auth pages, opening a library spec by its link, the Comments panel, presence.
 */
export class TeamWindow {
  readonly ui: WorkbenchPage;
  readonly auth: TeamSignInPage;
  readonly comments: CommentsPanelPage;
  /** Page errors and CSP violations seen so far. */
  readonly problems: string[];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly base: string,
  ) {
    this.ui = new WorkbenchPage(page);
    this.auth = new TeamSignInPage(page);
    this.comments = new CommentsPanelPage(page);
    this.problems = watchPageHealth(page);
  }

  static async open(browser: Browser, base: string): Promise<TeamWindow> {
    const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
    return new TeamWindow(context, await context.newPage(), base);
  }

  /** Follows an invitation link, chooses a password and lands signed in on the workbench. */
  async acceptInvitation(link: string, password: string): Promise<void> {
    await this.page.goto(link);
    await this.auth.setPassword(password);
    await this.page.waitForURL(`${this.base}/`);
  }

  /** Signs in through the sign-in form and lands on the workbench. */
  async signIn(email: string, password: string): Promise<void> {
    await this.page.goto(`${this.base}/auth/sign-in`);
    await this.auth.signIn(email, password);
    await this.page.waitForURL(`${this.base}/`);
  }

  /** The spec's link, as "Publish to team" hands it out. */
  async openSpec(id: number): Promise<void> {
    await this.ui.open(`${this.base}/?spec=${id}`);
  }

  /** A contract call from this window, with its session cookie and the page's CSRF token (what the renderer sends). */
  async call<T>(name: string, args: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }> {
    return this.page.evaluate(
      async ([op, body]) => {
        const token = document.querySelector('meta[name="specbench-token"]')?.getAttribute('content') ?? '';
        const response = await fetch(`/api/${op}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Specbench-Token': token }, body: JSON.stringify(body) });
        return response.json();
      },
      [name, args] as const,
    );
  }

  /** Resolves with the wall-clock time (ms) at which `text` first shows in the Comments panel. */
  async whenCommentShows(text: string): Promise<() => Promise<number>> {
    // A script string: tsx's name-keeping helper does not exist in the page.
    await this.page.evaluate(`(() => {
      const wanted = ${JSON.stringify(text)};
      window.__seenAt = new Promise((resolve) => {
        const check = () => {
          if (document.querySelector('[data-testid="panel-comments"]')?.textContent?.includes(wanted)) {
            observer.disconnect();
            resolve(Date.now());
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        check();
        // Never wait forever: a comment that does not arrive fails the test with a time.
        setTimeout(() => resolve(Number.POSITIVE_INFINITY), 5000);
      });
    })()`);
    return () => this.page.evaluate(() => (window as unknown as { __seenAt: Promise<number> }).__seenAt);
  }

  /** The initials of the other people the title bar says have this spec open. */
  presencePeople(): Locator {
    return this.page.getByTestId('presence-person');
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
