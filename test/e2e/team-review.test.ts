import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { rendererDist, samplesDir } from '../../host/paths.js';
import { serveTeam, type RunningTeamServer } from '../../host/team/serve-team.js';
import { createTeamAuth } from '../../host/team/auth/team-auth.js';
import { resolveListenPolicy } from '../../host/team/server/listen-policy.js';
import { createTeamLogger } from '../../host/team/server/request-log.js';
import { acquireDatabase } from '../embedded-server/support/cluster.js';
import { launchChromium } from './harness.js';
import { TeamWindow } from './pages/team-window.js';

const SHOTS = process.env.SPECBENCH_SCREENSHOTS ?? '/tmp';
const PASSWORD = 'correct horse battery';
const AUTHOR = { email: 'priya@example.org', name: 'Priya Author' };
const REVIEWER = { email: 'sam@example.org', name: 'Sam Reviewer' };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface SpecHead {
  spec: { id: number; headVersion: number };
}

// Issue 15 AC-3: the real team server (PostgreSQL, accounts, roles, live events) and two browser
// profiles, the author's and the reviewer's, each signed in through the real auth pages.
describe('team review: the reviewer comments live, and cannot change the text (issue 15 AC-3)', () => {
  let keeper: Awaited<ReturnType<typeof acquireDatabase>>;
  let running: RunningTeamServer;
  let browser: Browser;
  let author: TeamWindow;
  let reviewer: TeamWindow;
  let specId: number;
  const log: string[] = [];

  before(async () => {
    keeper = await acquireDatabase('team_e2e');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const policy = resolveListenPolicy({ listen: `127.0.0.1:${port}`, publicUrl: base });
    running = await serveTeam({ databaseUrl: keeper.url, policy, log: createTeamLogger({ level: 'warn', destination: { write: (line: string) => void log.push(line) } }), staticDir: rendererDist, shutdownGraceMs: 1_000 });
    // The admin's `team user add`, on the same database.
    const admin = createTeamAuth({ db: running.store.db, publicUrl: base, secureCookies: false, log: createTeamLogger({ level: 'error' }), clientAddress: () => '127.0.0.1' });
    const authorInvite = await admin.inviteAccount({ ...AUTHOR, role: 'author' });
    const reviewerInvite = await admin.inviteAccount({ ...REVIEWER, role: 'reviewer' });
    await admin.close();

    browser = await launchChromium();
    author = await TeamWindow.open(browser, base);
    reviewer = await TeamWindow.open(browser, base);
    await author.acceptInvitation(authorInvite.link, PASSWORD);
    // The reviewer chooses a password, then signs in again through the sign-in form.
    await reviewer.acceptInvitation(reviewerInvite.link, PASSWORD);
    await reviewer.context.clearCookies();
    await reviewer.signIn(REVIEWER.email, PASSWORD);

    // The author publishes a spec and invites the reviewer to it.
    const markdown = readFileSync(join(samplesDir, 'magic-link.md'), 'utf8');
    const created = await author.call<SpecHead>('specs.create', { source: { kind: 'markdown', markdown }, message: 'first draft' });
    assert.ok(created.ok, JSON.stringify(created));
    specId = created.value.spec.id;
    const invited = await author.call('reviewers.add', { specId, name: REVIEWER.name, email: REVIEWER.email });
    assert.ok(invited.ok, JSON.stringify(invited));

    await author.openSpec(specId);
    await reviewer.openSpec(specId);
  });
  after(async () => {
    await browser?.close();
    await running?.close();
    await keeper?.release();
  });

  it("the reviewer's comment appears in the author's Comments panel within 1 s, without a reload", async () => {
    await author.comments.open();
    await reviewer.comments.open();
    const body = `Which status code when the body is not JSON? ${Date.now()}`;
    const seen = await author.whenCommentShows(body);
    const authorUrl = author.page.url();

    const line = reviewer.ui.pane('functional').locator('.view-line', { hasText: 'FR-1' }).first();
    await line.click();
    await reviewer.page.keyboard.press('Home');
    for (let i = 0; i < 6; i++) await reviewer.page.keyboard.press('Control+ArrowRight');
    for (let i = 0; i < 3; i++) await reviewer.page.keyboard.press('Control+Shift+ArrowRight');
    // An invited reviewer's comments belong to their review and stay pending (theirs only) until
    // the review is submitted (issue 13): submitting is the moment the author is owed them.
    await reviewer.comments.comment(body, 'blocking');
    assert.match(await reviewer.comments.threads().filter({ hasText: body }).innerText(), /pending/);
    await reviewer.page.getByTestId('review-verdict').selectOption('request-changes');
    const clickedAt = Date.now();
    await reviewer.page.getByTestId('review-submit').click();
    const latency = (await seen()) - clickedAt;
    console.log(`# comment latency, reviewer's Submit click -> author's DOM: ${latency} ms`);
    assert.ok(latency < 1000, `the comment took ${latency} ms to reach the author's window`);
    assert.equal(author.page.url(), authorUrl, 'the author did not reload');
    const thread = author.comments.threads().filter({ hasText: body });
    assert.match(await thread.innerText(), /Sam Reviewer/);
    assert.doesNotMatch(await thread.innerText(), /pending/);
    await author.comments.verdictRows().filter({ hasText: /Sam Reviewer: request-changes/ }).waitFor({ timeout: 1_000 });
    await author.page.screenshot({ path: `${SHOTS}/team-review-author.png` });
  });

  it("the author's title bar shows who else has the spec open", async () => {
    await author.presencePeople().filter({ hasText: 'SR' }).waitFor({ timeout: 10_000 });
    assert.equal(await author.presencePeople().first().getAttribute('title'), REVIEWER.name);
  });

  it("the reviewer's edit is refused with the role it needs, and the head version is unchanged", async () => {
    const before = await author.call<SpecHead>('specs.get', { id: specId });
    assert.ok(before.ok);
    await reviewer.ui.typeAtEnd('context', ' A reviewer rewrites this.');
    await reviewer.page.keyboard.press('Control+s');
    const notice = reviewer.ui.errorNotice();
    await notice.waitFor();
    assert.match(await notice.innerText(), /Not saved: .*needs the author role/);
    assert.ok(await reviewer.ui.dirtyMarker().isVisible(), 'the refused text stays unsaved in the editor, not marked saved');
    // Autosave's draft is refused too: said once, as a refusal, not as a failure to retry forever.
    const draftNotice = reviewer.page.getByTestId('notice-warning').filter({ hasText: /draft/ });
    await draftNotice.waitFor({ timeout: 5_000 });
    assert.match(await draftNotice.innerText(), /not kept as a draft: drafts\.save needs the author role/);
    assert.doesNotMatch(await draftNotice.innerText(), /will be retried/);
    await reviewer.page.screenshot({ path: `${SHOTS}/team-review-refused.png` });
    const afterSave = await author.call<SpecHead>('specs.get', { id: specId });
    assert.ok(afterSave.ok);
    assert.equal(afterSave.value.spec.headVersion, before.value.spec.headVersion, 'no version was made');
    assert.deepEqual(author.problems, []);
    assert.deepEqual(reviewer.problems, []);
  });
});
