import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { test } from 'node:test';
import { createHandlers } from '../../../host/handlers/index.js';
import { createBrowserContext } from '../../../host/launch/browser-context.js';
import { appRoot, samplesDir } from '../../../host/paths.js';
import { startWebHost, type WebHost } from '../../../host/web/server.js';
import { tempDir } from '../store/helpers.js';

function api(host: WebHost, name: string, body: unknown): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path: `/api/${name}`, method: 'POST', headers: { 'content-type': 'application/json', 'x-specbench-token': host.token } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const samplesStatus = () => execFileSync('git', ['status', '--porcelain', '--', 'samples/'], { cwd: appRoot, encoding: 'utf8' });

test('AC-6: the default document is a working copy; editing and saving it leaves samples/ untouched', async (t) => {
  const sample = join(samplesDir, 'magic-link.md');
  const before = readFileSync(sample);
  assert.equal(samplesStatus(), '', 'samples/ must be clean before the test');
  const home = join(tempDir(t, 'specbench-working-'), 'home');
  const start = async () => {
    const context = createBrowserContext({ initialPath: null, emit: () => undefined, env: { SPECBENCH_HOME: home } });
    const host = await startWebHost({ handlers: createHandlers(context), staticDir: tempDir(t, 'specbench-static-'), port: 0 });
    t.after(() => host.close());
    return host;
  };

  const host = await start();
  const initial = await api(host, 'app.initialDocument', {});
  assert.ok(initial.ok, JSON.stringify(initial));
  assert.equal(initial.value.name, 'magic-link.md');
  assert.equal(initial.value.path, join(home, 'working', 'magic-link.md'));
  assert.equal(initial.value.content, before.toString('utf8'));

  const edited = `${initial.value.content}\nEdited in the working copy.\n`;
  const saved = await api(host, 'files.write', { path: initial.value.path, content: edited, bom: initial.value.bom });
  assert.ok(saved.ok, JSON.stringify(saved));

  assert.equal(samplesStatus(), '');
  assert.ok(readFileSync(sample).equals(before), 'the sample bytes are unchanged');

  // A restart opens the same working copy with the edit kept: it is created once, never overwritten.
  const again = await api(await start(), 'app.initialDocument', {});
  assert.ok(again.ok);
  assert.equal(again.value.path, initial.value.path);
  assert.equal(again.value.content, edited);
});
