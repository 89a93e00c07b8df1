import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTrustedSenderUrl, secureWindowOptions } from '../../../host/desktop/window-options.js';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../host/security/csp.js';

/** Directive → sources; a directive given twice fails, since browsers silently ignore the second. */
function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    assert.ok(!directives.has(name.toLowerCase()), `${name} appears twice`);
    directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

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
    const policy = parseCsp(CONTENT_SECURITY_POLICY);
    // Anything not listed falls back to nothing.
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    // Scripts and workers only from the app: no inline script, no eval (Monaco needs neither).
    assert.deepEqual(policy.get('script-src'), ["'self'"]);
    assert.deepEqual(policy.get('worker-src'), ["'self'"]);
    assert.deepEqual(policy.get('connect-src'), ["'self'"]);
    // Nothing embeds the app, no plugins, no <base> or form target can redirect it.
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) assert.deepEqual(policy.get(name), ["'none'"], name);
    // The only widenings: inline <style> (Monaco writes them at run time) and data: images.
    const widenings = [...policy].flatMap(([name, sources]) => sources.filter((s) => !["'self'", "'none'"].includes(s)).map((s) => `${name} ${s}`));
    assert.deepEqual(widenings.sort(), ["img-src data:", "style-src 'unsafe-inline'"]);
    for (const [name, sources] of policy) {
      for (const source of sources) assert.doesNotMatch(source, /^(?:\*|[a-z][a-z0-9+.-]*:\/\/|https?:|wss?:|'unsafe-eval'|'wasm-unsafe-eval'|'unsafe-hashes'|'strict-dynamic'|'nonce-|'sha)/i, `${name} ${source}`);
    }
    assert.equal(SECURITY_HEADERS['Content-Security-Policy'], CONTENT_SECURITY_POLICY);
  });

  it('accepts IPC only from the app origin', () => {
    assert.equal(isTrustedSenderUrl('specbench://app/index.html'), true);
    assert.equal(isTrustedSenderUrl('https://example.com/'), false);
    assert.equal(isTrustedSenderUrl('file:///etc/passwd'), false);
    assert.equal(isTrustedSenderUrl('specbench://evil/index.html'), false);
    assert.equal(isTrustedSenderUrl(undefined), false);
  });
});
