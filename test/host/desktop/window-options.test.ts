import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTrustedSenderUrl, secureWindowOptions } from '../../../host/desktop/window-options.js';
import { CONTENT_SECURITY_POLICY } from '../../../host/security/csp.js';

describe('Electron security settings', () => {
  it('turns every renderer privilege off and exposes only the preload', () => {
    const { webPreferences } = secureWindowOptions('/app/preload.cjs');
    assert.equal(webPreferences.preload, '/app/preload.cjs');
    assert.equal(webPreferences.contextIsolation, true);
    assert.equal(webPreferences.sandbox, true);
    assert.equal(webPreferences.nodeIntegration, false);
    assert.equal(webPreferences.nodeIntegrationInWorker, false);
    assert.equal(webPreferences.nodeIntegrationInSubFrames, false);
    assert.equal(webPreferences.webSecurity, true);
    assert.equal(webPreferences.allowRunningInsecureContent, false);
    assert.equal(webPreferences.webviewTag, false);
  });

  it('has a CSP with no remote origin, no inline or eval script, and nothing framed', () => {
    assert.equal(
      CONTENT_SECURITY_POLICY,
      "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    );
    const script = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    assert.equal(script, "script-src 'self'");
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /https?:|\*|unsafe-eval/);
  });

  it('accepts IPC only from the app origin', () => {
    assert.equal(isTrustedSenderUrl('specbench://app/index.html'), true);
    assert.equal(isTrustedSenderUrl('https://example.com/'), false);
    assert.equal(isTrustedSenderUrl('file:///etc/passwd'), false);
    assert.equal(isTrustedSenderUrl('specbench://evil/index.html'), false);
    assert.equal(isTrustedSenderUrl(undefined), false);
  });
});
