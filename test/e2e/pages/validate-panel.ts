import type { Locator, Page } from 'playwright-core';
import { DockPanelPage } from './dock-panel.js';

/** The Validate panel in the dock, and the status icons it puts beside the criteria. */
export class ValidatePanel extends DockPanelPage {
  constructor(page: Page) {
    super(page, 'validate', 'validate-panel');
  }

  panel(): Locator {
    return this.page.getByTestId('validate-panel');
  }

  /** Presses Run (or Run against all defects) and resolves once the run has returned. */
  async run(defects: 'none' | 'all' = 'none'): Promise<{ passed: number; total: number; score: string | null }> {
    const done = this.page.evaluate(
      () => new Promise<{ passed: number; total: number; score: string | null }>((resolve) => window.addEventListener('specbench:validate-done', (e) => resolve((e as CustomEvent).detail), { once: true })),
    );
    await this.page.getByTestId(defects === 'all' ? 'validate-run-all' : 'validate-run').click();
    return done;
  }

  /** The glyph-margin icons beside the criteria in the Acceptance Criteria pane, by status. */
  gutterIcons(status?: string): Locator {
    return this.page.locator(`[data-pane="acceptance"] .validate-glyph${status ? `.validate-${status}` : ''}`);
  }

  result(id: string): Locator {
    return this.page.locator(`[data-testid="validate-result"][data-id="${id}"]`);
  }

  async openDrawer(id: string): Promise<Locator> {
    await this.page.getByTestId(`validate-open-${id}`).click();
    const drawer = this.page.locator(`[data-testid="validate-drawer"][data-id="${id}"]`);
    await drawer.waitFor();
    return drawer;
  }

  matrix(): Locator {
    return this.page.getByTestId('validate-matrix');
  }

  score(): Locator {
    return this.page.getByTestId('validate-score');
  }

  error(): Locator {
    return this.page.getByTestId('validate-error');
  }
}
