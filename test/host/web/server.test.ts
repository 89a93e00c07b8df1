import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createHandlers } from '../../../host/handlers/index.js';
import { createBrowserContext } from '../../../host/launch/browser-context.js';
import { CONTENT_SECURITY_POLICY } from '../../../host/security/csp.js';
import { startWebHost, type WebHost } from '../../../host/web/server.js';
import { tempDir } from '../../support/temp-dir.js';

function send(host: WebHost, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser-mode host', () => {
  let host: WebHost;
  const dir = tempDir('specbench-web-');
  const staticDir = join(dir, 'static');
  before(async () => {
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<meta name="specbench-token" content="%SPECBENCH_TOKEN%">');
    writeFileSync(join(dir, 'secret.txt'), 'outside the root');
    const context = createBrowserContext({ initialPath: null, emit: () => undefined, env: { SPECBENCH_HOME: join(dir, 'home') } });
    host = await startWebHost({ handlers: createHandlers(context), staticDir, port: 0 });
  });
  after(() => host.close());
  const api = (name: string, body: unknown, token = host.token) =>
    send(host, `/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-specbench-token': token }, body: JSON.stringify(body) });

  it('listens on 127.0.0.1 and serves the page with its token and the CSP', async () => {
    assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await send(host, '/');
    assert.equal(page.status, 200);
    assert.ok(page.body.includes(host.token));
    assert.equal(page.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
  });

  it('refuses API calls without the session token, and pages asked for under another Host', async () => {
    assert.equal((await api('app.info', {}, 'wrong')).status, 403);
    assert.equal((await send(host, '/api/app.info', { method: 'POST' })).status, 403);
    assert.equal((await send(host, '/', { headers: { host: 'attacker.example:80' } })).status, 421);
  });

  it('validates arguments on the receiving side and names the bad field', async () => {
    const bad = JSON.parse((await api('files.read', { path: '' })).body);
    assert.deepEqual(bad.ok, false);
    assert.equal(bad.error.code, 'INVALID_ARGUMENTS');
    assert.match(bad.error.message, /path: path is empty/);
    const extra = JSON.parse((await api('files.read', { path: '/x', mode: 'w' })).body);
    assert.equal(extra.error.code, 'INVALID_ARGUMENTS');
    const unknown = JSON.parse((await api('files.delete', {})).body);
    assert.equal(unknown.error.code, 'UNKNOWN_OPERATION');
  });

  it('reads and writes files through the contract, and reports a failed save clearly', async () => {
    const path = join(dir, 'spec.md');
    const written = JSON.parse((await api('files.write', { path, content: '# Hi\n', bom: false })).body);
    assert.deepEqual(written, { ok: true, value: { path, bytes: 5 } });
    assert.equal(readFileSync(path, 'utf8'), '# Hi\n');
    const read = JSON.parse((await api('files.read', { path })).body);
    assert.equal(read.value.content, '# Hi\n');
    const denied = JSON.parse((await api('files.write', { path: join(dir, 'no-such-folder', 'x.md'), content: 'x' })).body);
    assert.equal(denied.error.code, 'WRITE_FAILED');
    assert.match(denied.error.message, /could not save .*folder does not exist/);
  });

  it('serves nothing outside the renderer folder', async () => {
    assert.equal((await send(host, '/../secret.txt')).status, 404);
    assert.equal((await send(host, '/%2e%2e/secret.txt')).status, 404);
  });

  it('opens the magic-link sample at start when no file is named', async () => {
    const initial = JSON.parse((await api('app.initialDocument', {})).body);
    assert.equal(initial.value.name, 'magic-link.md');
    assert.match(initial.value.content, /## Acceptance Criteria/);
  });
});
