import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { holdCluster, startAuthServer } from '../host/team/auth/support/auth-server.js';
import { startSmtpSink } from '../host/team/auth/support/smtp-sink.js';
import { launchChromium } from './harness.js';
import { TeamSignInPage } from './pages/team-sign-in-page.js';

/**
 * The auth pages in a real browser: plain forms under a script-free CSP, the SameSite=Strict
 * cookie set by a POST and sent on the redirect that follows, Sec-Fetch-Site vouching for our own
 * posts. Behind `/auth/*` the test server answers who the cookie belongs to.
 */
holdCluster();
let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser.close());

const PASSWORD = 'correct horse battery';

async function openPage(t: { after(fn: () => Promise<void>): void }): Promise<{ page: Page; cspErrors: string[] }> {
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const cspErrors: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) cspErrors.push(message.text());
  });
  return { page, cspErrors };
}

const signedInAs = async (page: Page) => ((JSON.parse((await page.locator('body').textContent()) ?? 'null') as { account?: { email: string } } | null)?.account?.email ?? null);

test('an invitee sets a password in the browser, lands signed in, and signs in again after a wrong password', async (t) => {
  const server = await startAuthServer(t);
  const { link } = await server.auth.inviteAccount({ email: 'uma@example.org', role: 'author' });
  const { page, cspErrors } = await openPage(t);
  const auth = new TeamSignInPage(page);

  await page.goto(link);
  assert.equal(await auth.heading(), 'Choose your password');
  await auth.setPassword(PASSWORD);
  await page.waitForURL(`${server.base}/`);
  assert.equal(await signedInAs(page), 'uma@example.org', 'the cookie set by the POST is sent on the redirect');

  await page.context().clearCookies();
  await page.goto(`${server.base}/auth/sign-in`);
  await auth.signIn('uma@example.org', 'not my password');
  assert.equal(await auth.error(), 'Wrong email or password.');
  await auth.signIn('uma@example.org', PASSWORD);
  await page.waitForURL(`${server.base}/`);
  assert.equal(await signedInAs(page), 'uma@example.org');

  await page.goto(link);
  assert.match((await page.locator('main').textContent()) ?? '', /already been used.*Ask an admin to re-invite you/s);
  assert.deepEqual(cspErrors, [], 'the pages run without a CSP violation');
});

test('a magic link from the mail: the page shows a button, pressing it signs in', async (t) => {
  const sink = await startSmtpSink(t);
  const server = await startAuthServer(t, { smtpUrl: sink.url });
  await server.auth.inviteAccount({ email: 'vic@example.org', role: 'reviewer' });
  const { page, cspErrors } = await openPage(t);
  const auth = new TeamSignInPage(page);

  await page.goto(`${server.base}/auth/sign-in`);
  await auth.requestMagicLink('vic@example.org');
  assert.equal(await auth.heading(), 'Check your email');
  const link = /(http:\/\/\S+\/auth\/magic\/\S+)/.exec(sink.mails.at(-1)?.text ?? '')?.[1];
  assert.ok(link);
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${server.base}/`);
  assert.equal(await signedInAs(page), 'vic@example.org');
  assert.deepEqual(cspErrors, []);
});
