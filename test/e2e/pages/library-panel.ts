import type { Locator, Page } from 'playwright-core';
import { DockPanelPage } from './dock-panel.js';

/** The Library dock panel: specs, filters, full-text search and spec actions. */
export class LibraryPanelPage extends DockPanelPage {
  constructor(page: Page) {
    super(page, 'library', 'library');
  }

  specs(): Locator {
    return this.page.getByTestId('library-spec');
  }

  spec(title: string): Locator {
    return this.page.locator(`[data-testid="library-spec"][data-title="${title.replace(/"/g, '\\"')}"]`);
  }

  async search(query: string): Promise<void> {
    await this.page.getByTestId('library-search').fill(query);
    await this.page.getByTestId('search-count').waitFor();
  }

  hits(): Locator {
    return this.page.getByTestId('search-hit');
  }

  /** The words the snippet of a hit highlights. */
  marks(hit: Locator): Promise<string[]> {
    return hit.locator('[data-testid="search-snippet"] mark').allInnerTexts();
  }

  storeError(): Locator {
    return this.page.getByTestId('store-error');
  }
}
