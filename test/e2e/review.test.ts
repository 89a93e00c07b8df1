import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { FindingDraft } from '../../core/review/finding.js';
import { findingChunks, StandinServer } from '../host/ai/standin-server.js';
import { launchChromium, startWorkbench, watchPageHealth, type Workbench } from './harness.js';
import { ReviewPanelPage } from './pages/review-panel.js';
import { WorkbenchPage } from './pages/workbench-page.js';

/** Three findings whose quotes are verbatim in samples/magic-link.md, each in another section. */
const THREE: Array<FindingDraft & { pane: string }> = [
  {
    pane: 'functional',
    section: 'functional',
    quote: 'at most 5 calls to POST /auth/magic-link/request per email address within a rolling 60-minute window',
    problem: 'The limit is per email only: one client can spray requests across many addresses.',
    whyAnAgentWouldGuess: 'An agent keys the counter on the email alone and ships no per-client limit.',
    suggestion: 'Add a per-IP limit next to the per-email one.',
    severity: 'high',
    proposedText: 'at most 5 calls to POST /auth/magic-link/request per email address and at most 20 per client IP within a rolling 60-minute window',
  },
  {
    pane: 'edgeCases',
    section: 'edgeCases',
    quote: 'Concurrent verify requests for one token',
    // Model text is untrusted: it must show as these characters, never as markup (NFR-3).
    problem: 'Which request wins is not said when both arrive together <b>at once</b>.',
    whyAnAgentWouldGuess: 'It picks a row lock, or none at all.',
    suggestion: 'Name the isolation level of the verify transaction.',
    severity: 'medium',
  },
  {
    pane: 'nonFunctional',
    section: 'nonFunctional',
    quote: 'p99 latency under 2 s',
    problem: 'No load level is given for the p99 target.',
    whyAnAgentWouldGuess: 'The agent benchmarks with a single user.',
    suggestion: 'State the request rate the p99 applies at.',
    severity: 'low',
    proposedText: 'p99 latency under 2 s at 50 requests per second',
  },
];

const drafts = (list: typeof THREE): FindingDraft[] => list.map(({ pane: _pane, ...draft }) => draft);
const squash = (text: string) => text.replace(/[\s\u00a0]+/g, '');

describe('AI review with the model (issue 5, AC-1 and AC-4 in the UI)', () => {
  let standin: StandinServer;
  let browser: Browser;
  let bench: Workbench;
  let page: Page;
  let ui: WorkbenchPage;
  let review: ReviewPanelPage;
  let problems: string[];
  let original: string;

  before(async () => {
    standin = await StandinServer.start();
    bench = await startWorkbench('magic-link.md', {
      reviewEnv: { ANTHROPIC_API_KEY: 'sk-ant-e2e-test-key', SPECBENCH_ALLOW_LOOPBACK_AI: '1' },
      reviewSettings: { baseURL: standin.url, maxRetries: 0, timeoutMs: 30_000 },
    });
    original = readFileSync(bench.specPath, 'utf8');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    problems = watchPageHealth(page);
    ui = new WorkbenchPage(page);
    review = new ReviewPanelPage(page);
    await ui.open(bench.host.url);
    await review.open();
  });
  after(async () => {
    await browser?.close();
    await bench?.close();
    await standin?.close();
  });

  it('streams three findings in order, highlights each at its quote in its pane, and Apply changes exactly that quote (AC-1)', async () => {
    for (const f of THREE) assert.equal(original.split(f.quote).length, 2, `the sample holds "${f.quote}" exactly once`);
    standin.enqueue({ kind: 'tool', name: 'report_findings', chunks: findingChunks({ findings: drafts(THREE) }), delayMs: 700 });
    assert.equal(await review.offlineBanner().count(), 0, 'a key is configured: no offline banner');

    await review.runPass('edge-case-hunt');
    await review.findings().first().waitFor();
    assert.ok((await review.findings().count()) < 3, 'the first finding is listed while the model is still answering');
    await review.waitForFindingCount(3);
    await review.waitForPassStatus('edge-case-hunt', 'succeeded');
    assert.deepEqual(await review.problems(), THREE.map((f) => f.problem), 'in the order streamed, model text shown literally');
    assert.equal(await review.finding(1).locator('b').count(), 0, 'no markup from model text');
    assert.equal(standin.requests.length, 1);
    assert.equal(standin.requests[0].credential, 'sk-ant-e2e-test-key');
    // Usage and estimated cost of the pass are shown.
    assert.match(await review.pass('edge-case-hunt').innerText(), /\d+ in · \d+ out.*\$/s);

    const ids = await review.findingIds();
    for (const [i, f] of THREE.entries()) {
      assert.equal(await review.finding(i).getAttribute('data-placement'), 'located');
      await review.reveal(i);
      await review.anchorIn(f.pane, ids[i]).first().waitFor();
      assert.equal(await review.anchoredText(f.pane, ids[i]), squash(f.quote), `finding ${i + 1} is highlighted over its quote in the ${f.pane} pane`);
      for (const other of THREE.filter((o) => o.pane !== f.pane)) assert.equal(await review.anchorIn(other.pane, ids[i]).count(), 0);
    }

    // Hovering the highlight shows the problem and the suggestion.
    await review.reveal(0);
    const anchor = review.anchorIn('functional', ids[0]).first();
    await anchor.hover({ position: { x: 4, y: 3 } });
    await anchor.hover({ position: { x: 8, y: 5 } });
    await page.locator('.monaco-hover', { hasText: 'one client can spray requests' }).waitFor({ timeout: 5000 });
    assert.match(await page.locator('.monaco-hover', { hasText: 'one client can spray requests' }).innerText(), /Suggestion: Add a per-IP limit/);

    await review.apply(0);
    assert.equal(await review.finding(0).getAttribute('data-state'), 'applied');
    await ui.pane('functional').locator('.view-lines', { hasText: 'at most 20 per client IP' }).waitFor();
    await ui.save();
    assert.equal(readFileSync(bench.specPath, 'utf8'), original.replace(THREE[0].quote, THREE[0].proposedText!), 'only the quoted range changed');

    // One undoable edit: a single Ctrl+Z in the pane brings the text back.
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => !document.querySelector('section.pane[data-pane="functional"] .view-lines')?.textContent?.includes('20 per client IP'));
    await ui.save();
    assert.equal(readFileSync(bench.specPath, 'utf8'), original);
    assert.deepEqual(problems, []);
  });

  it('after a reload, a re-run on the same text comes from the cache and shows the stored applied and dismissed states', async () => {
    await review.dismiss(1);
    assert.equal(await review.findings().count(), 2, 'a dismissed finding is hidden');
    const requests = standin.requests.length;

    await page.reload();
    await ui.waitForPanes();
    await review.open();
    assert.equal(await review.findings().count(), 0, 'a fresh window has no results yet');
    await review.runPass('edge-case-hunt');
    await review.waitForPassStatus('edge-case-hunt', 'cached');
    await review.waitForFindingCount(2);
    assert.equal(standin.requests.length, requests, 'no request: same text, same pass');
    assert.deepEqual(await review.problems(), [THREE[0].problem, THREE[2].problem], 'the dismissed one stays hidden');
    assert.equal(await review.finding(0).getAttribute('data-state'), 'applied');
    assert.equal(await review.finding(1).getAttribute('data-state'), 'open');
    await page.getByTestId('review-toggle-dismissed').click();
    await review.waitForFindingCount(3);
    assert.equal(await review.finding(1).getAttribute('data-state'), 'dismissed');
    assert.deepEqual(problems, []);
  });

  it('Cancel during a slow stream aborts the request, keeps the first finding and shows "cancelled" (AC-4)', async () => {
    const first: FindingDraft = { ...drafts(THREE)[2], problem: 'The p99 target names no percentile window.' };
    const rest: FindingDraft[] = [{ ...drafts(THREE)[1], problem: 'A second finding that never arrives.' }];
    // The first finding streams at once; then the stand-in holds the reply open until the client goes away.
    const chunks = findingChunks({ findings: [first, ...rest] });
    standin.enqueue({ kind: 'tool', name: 'report_findings', chunks: chunks.slice(0, 1), holdOpen: true });
    const before = standin.requests.length;

    await review.runPass('principal-review');
    const ofPass = page.locator('[data-testid="review-finding"][data-pass="principal-review"]');
    await ofPass.first().waitFor();
    assert.equal(await review.passStatus('principal-review'), 'running');
    await review.cancel();
    await review.waitForPassStatus('principal-review', 'cancelled');

    assert.equal(await ofPass.count(), 1, 'the finding received before the cancel stays');
    assert.equal(await ofPass.getByTestId('review-finding-problem').innerText(), first.problem);
    assert.equal(await page.getByTestId('review-cancel').count(), 0, 'nothing left to cancel');
    const request = standin.requests[before];
    await request.done;
    assert.equal(request.closedByClient, true, 'the request was aborted');
    assert.deepEqual(problems, []);
  });
});

describe('AI review without a key (issue 5, FR-9)', () => {
  let browser: Browser;
  let bench: Workbench;
  let page: Page;
  let review: ReviewPanelPage;
  let problems: string[];

  before(async () => {
    // An explicit empty environment: no ANTHROPIC_API_KEY, whatever the machine has set.
    bench = await startWorkbench('magic-link-draft.md', { reviewEnv: {} });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    problems = watchPageHealth(page);
    review = new ReviewPanelPage(page);
    await new WorkbenchPage(page).open(bench.host.url);
    await review.open();
  });
  after(async () => {
    await browser?.close();
    await bench?.close();
  });

  it('shows the offline banner with a way to Settings, which explains where the key comes from', async () => {
    await review.offlineBanner().waitFor();
    assert.match(await review.offlineBanner().innerText(), /Offline reviewer: no API key — findings come from the built-in catalogue/);
    await page.getByTestId('review-banner-settings').click();
    const dialog = review.settings();
    await dialog.waitFor();
    assert.match(await dialog.getByTestId('rs-key-source').innerText(), /none/);
    assert.match(await dialog.getByTestId('rs-env-note').innerText(), /ANTHROPIC_API_KEY/);
    assert.equal(await dialog.getByTestId('rs-api-key').count(), 0, 'browser mode has no key field');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('"Run all reviews" lists offline findings, account enumeration among them', async () => {
    await review.runAll();
    await review.waitForPassStatus('offline', 'succeeded');
    const problemsShown = await review.problems();
    assert.ok(problemsShown.length >= 5, `${problemsShown.length} offline findings`);
    // The authentication checklist's enumeration item (issue 16 made the catalogue a checklist, worded as its question).
    assert.ok(problemsShown.some((p) => /reply look the same whether or not the account exists/.test(p)), problemsShown.join('\n'));
    assert.equal(await review.findings().locator('.rf-offline').count(), problemsShown.length, 'every finding is marked offline');
    // Located ones are highlighted in their pane.
    const located = page.locator('[data-testid="review-finding"][data-placement="located"]');
    assert.ok((await located.count()) > 0);
    await page.locator('.review-anchor').first().waitFor();
    assert.deepEqual(problems, []);
  });
});
