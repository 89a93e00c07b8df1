import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openSession, type Session } from './harness.js';
import { ServerPanel } from './pages/server-panel.js';

describe('Server panel (issue 6, AC-8)', () => {
  let session: Session;
  let page: Page;
  let server: ServerPanel;
  let problems: string[];

  before(async () => {
    session = await openSession();
    ({ page, problems } = session);
    server = new ServerPanel(page);
    await server.open();
  });
  after(async () => {
    // Stopping through the UI also proves Stop works; the host's close would leave it to the lifeline.
    if ((await server?.state().innerText().catch(() => '')) === 'RUNNING') {
      await server.stop();
      await server.state().filter({ hasText: /stopped/i }).waitFor({ timeout: 15_000 });
    }
    await session?.close();
  });

  it('shows running and the URL within five seconds of pressing Start', async () => {
    assert.match(await server.state().innerText(), /stopped/i);
    const pressed = Date.now();
    await server.start();
    await server.url().waitFor({ timeout: 5000 });
    assert.ok(Date.now() - pressed < 5000, `running after ${Date.now() - pressed} ms`);
    assert.match(await server.state().innerText(), /running/i);
    assert.match(await server.url().innerText(), /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('requesting a link shows the email in the outbox, with the link, and logs the request', async () => {
    await server.requestLink('alice@example.com');
    await server.outboxEmails().first().waitFor();
    const first = await server.outboxEmails().first().innerText();
    assert.match(first, /alice@example\.com/);
    assert.match(first, /\/auth\/magic-link\/verify\?token=[0-9a-f]{64}/);
    assert.match(await page.getByTestId('server-last-reply').innerText(), /^POST \/auth\/magic-link\/request → 202/);
    await page.getByTestId('server-tab-logs').click();
    await server.logs().getByText('magic link sent', { exact: false }).first().waitFor();
    assert.ok(!(await server.logs().innerText()).includes('alice@example.com'), 'logs never hold a full address');
    assert.deepEqual(problems, []);
  });

  it('Stop shuts the server down', async () => {
    await server.stop();
    await server.state().filter({ hasText: /stopped/i }).waitFor({ timeout: 15_000 });
    assert.equal(await server.url().count(), 0);
  });
});
