import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { externalLinkPrompt, externalLinkTarget, guardedNavigationEvents, isAllowedNavigation, openExternalLink } from '../../../host/desktop/navigation.js';
import { APP_ORIGIN } from '../../../host/desktop/window-options.js';

describe('navigation decisions', () => {
  it('guards link navigations, redirects and subframe navigations alike', () => {
    assert.deepEqual([...guardedNavigationEvents].sort(), ['will-frame-navigate', 'will-navigate', 'will-redirect']);
  });

  it('allows only our own pages', () => {
    assert.equal(isAllowedNavigation(`${APP_ORIGIN}/index.html`), true);
    for (const url of ['https://example.com/', `${APP_ORIGIN}.evil.com/`, 'specbench://other/index.html', 'file:///etc/passwd', 'javascript:alert(1)', '', undefined]) {
      assert.equal(isAllowedNavigation(url), false, String(url));
    }
  });

  it('opens only https links, without credentials', () => {
    assert.equal(externalLinkTarget('https://example.com/a?b=1'), 'https://example.com/a?b=1');
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.com/', 'not a url']) {
      assert.equal(externalLinkTarget(url), null, url);
    }
  });
});

describe('external links ask first', () => {
  function fakeShell(answer: boolean) {
    const log = { asked: [] as string[], opened: [] as string[] };
    return {
      log,
      deps: {
        confirm: async (url: string) => (log.asked.push(url), answer),
        openExternal: async (url: string) => void log.opened.push(url),
      },
    };
  }

  it('opens an https link only after the user confirms the exact URL', async () => {
    const yes = fakeShell(true);
    assert.equal(await openExternalLink('https://example.com/docs', yes.deps), 'opened');
    assert.deepEqual(yes.log, { asked: ['https://example.com/docs'], opened: ['https://example.com/docs'] });
    const no = fakeShell(false);
    assert.equal(await openExternalLink('https://example.com/docs', no.deps), 'declined');
    assert.deepEqual(no.log, { asked: ['https://example.com/docs'], opened: [] });
  });

  it('never asks about, nor opens, anything that is not https', async () => {
    const shell = fakeShell(true);
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'ms-settings:']) assert.equal(await openExternalLink(url, shell.deps), 'refused');
    assert.deepEqual(shell.log, { asked: [], opened: [] });
  });

  it('names the URL in the message box and makes Cancel the default', () => {
    const prompt = externalLinkPrompt('https://example.com/x');
    assert.equal(prompt.detail, 'https://example.com/x');
    assert.equal(prompt.buttons[prompt.defaultId], 'Cancel');
    assert.equal(prompt.cancelId, prompt.defaultId);
    assert.equal(prompt.buttons[1], 'Open in browser', 'main opens on response 1');
  });
});
