import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openSpecStore } from '../../host/store/spec-store.js';
import { launchChromium, openSession, startWorkbench, watchPageHealth, type Session, type Workbench } from './harness.js';
import { HistoryPanelPage } from './pages/history-panel.js';
import { LibraryPanelPage } from './pages/library-panel.js';
import { WorkbenchPage } from './pages/workbench-page.js';

const TYPED_WORD = 'quokka';
const TYPED_AC = `- **AC-11:** Given a revoked ${TYPED_WORD} token, when POST /auth/magic-link/verify is sent with it, then the response status is 410.`;

describe('history, diff view and library (issue 4)', () => {
  let session: Session;
  let page: Page;
  let ui: WorkbenchPage;
  let history: HistoryPanelPage;
  let library: LibraryPanelPage;
  let problems: string[];

  before(async () => {
    session = await openSession('magic-link.md', { acceptDialogs: true });
    ({ page, ui, problems } = session);
    history = new HistoryPanelPage(page);
    library = new LibraryPanelPage(page);
  });
  after(() => session?.close());

  it('AC-5: two versions differing only in Acceptance Criteria list only that section, and the diff view shows the changed lines', async () => {
    await history.open();
    await history.emptyMessage().waitFor();
    assert.match(await history.emptyMessage().innerText(), /Save to start the history/);

    await ui.save();
    await history.waitForVersion(1);
    await ui.typeAtEnd('acceptance', `\n${TYPED_AC}`);
    await ui.save();
    await history.waitForVersion(2);

    assert.deepEqual(await history.numbers(), [2, 1], 'newest first');
    const changed = await history.changeLines(2);
    assert.ok(changed.length > 0, 'version 2 lists its changes');
    assert.ok(
      changed.every((line) => line.startsWith('Acceptance Criteria:')),
      `only Acceptance Criteria changed: ${JSON.stringify(changed)}`,
    );
    assert.deepEqual(changed, ['Acceptance Criteria: AC-11 added']);

    const diff = await history.compare(1, 2);
    await diff.summary().waitFor();
    assert.deepEqual(await diff.summaryLines(), ['Acceptance Criteria: AC-11 added']);
    const sections = await diff.sectionChanges();
    assert.equal(sections.acceptance, 'modified');
    assert.deepEqual(
      Object.entries(sections).filter(([key, change]) => key !== 'acceptance' && change !== 'unchanged'),
      [],
      'every other section is unchanged',
    );

    // Whole document, side by side: the inserted line is on the modified side only.
    await diff.waitForDiff('document');
    assert.ok((await diff.modifiedText()).includes(`revoked ${TYPED_WORD} token`), 'modified side shows the typed line');
    assert.ok(!(await diff.originalText()).includes(TYPED_WORD), 'original side lacks it');
    assert.ok((await diff.insertedLines().count()) > 0, 'the typed line is marked as inserted');

    // The Acceptance Criteria section alone.
    await diff.show('acceptance');
    assert.ok((await diff.modifiedText()).includes(`revoked ${TYPED_WORD} token`));
    assert.ok(!(await diff.originalText()).includes(TYPED_WORD));
    assert.ok((await diff.insertedLines().count()) > 0);
    await diff.closeWithEscape();
  });

  it('restoring version 1 creates version 3 with the text of version 1, shown in the editor', async () => {
    await history.restore(1);
    const v3 = await history.waitForVersion(3);
    assert.deepEqual(await history.numbers(), [3, 2, 1]);
    assert.equal(await history.contentHash(3), await history.contentHash(1), 'same SHA-256 as version 1');
    assert.notEqual(await history.contentHash(3), await history.contentHash(2));
    assert.match(await v3.innerText(), /restored from v1/);
    assert.deepEqual(await history.changeLines(3), ['Acceptance Criteria: AC-11 removed']);

    // The AC pane shows the original text again: it reloads (the typed line goes), and its end is the sample's last AC.
    await page.waitForFunction(
      (word) => !(document.querySelector('[data-pane="acceptance"] .view-lines') as HTMLElement | null)?.innerText.includes(word),
      TYPED_WORD,
    );
    await ui.waitForPanes();
    await ui.pane('acceptance').locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.waitForFunction(
      (tail) => (document.querySelector('[data-pane="acceptance"] .view-lines') as HTMLElement | null)?.innerText.replace(/\s+/g, ' ').includes(tail),
      '7-day expiry.',
    );
    assert.ok(!(await ui.paneText('acceptance')).includes(TYPED_WORD));
    assert.equal(await ui.dirtyMarker().count(), 1, 'the file on disk still holds version 2 until saved');

    const diff = await history.compare(1, 3);
    await diff.summary().waitFor();
    assert.match(await diff.summary().innerText(), /No differences/);
    await diff.closeWithEscape();
  });

  it('the Library lists the spec, and a search for the typed word finds it with a highlighted snippet', async () => {
    await library.open();
    const row = library.spec('Magic Link Authentication');
    await row.waitFor();
    assert.equal(await library.specs().count(), 1);
    const text = await row.innerText();
    assert.match(text, /3 versions/);
    assert.match(text, /Readiness \d+/);
    assert.match(text, /edited (just now|\d+ min ago)/);
    assert.match(text, /\bopen\b/);

    await library.search(TYPED_WORD);
    const hit = library.hits().first();
    await hit.waitFor();
    assert.equal(await library.hits().count(), 1);
    assert.match(await hit.innerText(), /Magic Link Authentication/);
    assert.deepEqual((await library.marks(hit)).map((m) => m.toLowerCase()), [TYPED_WORD]);
    // Version 3 restored the text without the word: only version 2 matched.
    assert.match(await hit.getByTestId('search-older').innerText(), /Only an older version matched: v2\./);

    await library.search('zzznothingmatches');
    await page.getByText('No spec matches.').waitFor();
    assert.equal(await library.hits().count(), 0);
    assert.deepEqual(problems, []);
  });
});

describe('a damaged library database (issue 4, edge cases)', () => {
  let browser: Browser;
  let bench: Workbench;

  before(async () => {
    browser = await launchChromium();
    bench = await startWorkbench();
    // The host opens its store on first use: damage it (keeping a good backup) before the page loads.
    const home = join(bench.dir, 'home');
    const store = openSpecStore(home);
    store.createSpec({ source: { kind: 'markdown', markdown: '# Backed up spec\n\n## Context\nSaved before the damage.\n' } });
    await store.backup();
    store.close();
    for (const leftover of ['specbench.db-wal', 'specbench.db-shm']) rmSync(join(home, leftover), { force: true });
    writeFileSync(join(home, 'specbench.db'), Buffer.alloc(8192, 7));
  });
  after(async () => {
    await browser?.close();
    await bench?.close();
  });

  it("shows the host's message in the Library and restores the latest backup", async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    page.on('dialog', (dialog) => void dialog.accept());
    const problems = watchPageHealth(page);
    const ui = new WorkbenchPage(page);
    const library = new LibraryPanelPage(page);
    await ui.open(bench.host.url);
    await library.open();
    await library.storeError().waitFor();
    assert.equal(await library.storeError().getAttribute('data-code'), 'DB_CORRUPT');
    assert.match(await library.storeError().innerText(), /specbench\.db is not a database/);

    await page.getByTestId('restore-backup').click();
    await library.spec('Backed up spec').waitFor();
    assert.equal(await library.storeError().count(), 0);
    assert.match(await page.getByTestId('notice-info').innerText(), /Restored the library from .*backups/);
    assert.deepEqual(problems, []);
  });
});
