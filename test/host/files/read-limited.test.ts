import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { HostError } from '../../../host/common/host-error.js';
import { readRegularFile } from '../../../host/files/read-limited.js';
import { readSpecFile } from '../../../host/files/spec-file.js';
import { tempDir } from '../store/helpers.js';

async function refusal(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  assert.ok(error instanceof HostError, `expected a HostError, got ${String(error)}`);
  return error;
}

test('a FIFO, a socket and a device are refused as "not a regular file" within 1 s', async (t) => {
  const dir = tempDir(t, 'specbench-read-');
  execFileSync('mkfifo', [join(dir, 'fifo.md')]);
  const server = createServer().listen(join(dir, 'sock.md'));
  await new Promise((resolve) => server.once('listening', resolve));
  t.after(() => server.close());
  for (const path of [join(dir, 'fifo.md'), join(dir, 'sock.md'), '/dev/zero', '/dev/null']) {
    const started = performance.now();
    const error = await refusal(readSpecFile(path));
    assert.equal(error.code, 'NOT_A_FILE', path);
    assert.match(error.message, /not a regular file/);
    assert.ok(performance.now() - started < 1000, `${path} took too long`);
  }
});

test('the limit is enforced while reading, not from stat: a /proc file that reports size 0 stops at limit + 1', async () => {
  assert.equal(statSync('/proc/self/maps').size, 0);
  const over = await readRegularFile('/proc/self/maps', 16);
  assert.deepEqual(over, { ok: false, reason: 'too-large', size: null });
  const whole = await readRegularFile('/proc/self/maps', 1024 * 1024);
  assert.ok(whole.ok && whole.bytes.length > 16);
});

test('files over 5 MB are refused by size without reading them; folders and missing files in words', async (t) => {
  const dir = tempDir(t, 'specbench-read-');
  const big = join(dir, 'big.md');
  writeFileSync(big, '');
  truncateSync(big, 3 * 1024 * 1024 * 1024); // sparse: 3 GB that would take long to read
  const started = performance.now();
  const tooLarge = await refusal(readSpecFile(big));
  assert.equal(tooLarge.code, 'FILE_TOO_LARGE');
  assert.match(tooLarge.message, /file too large \(3072\.0 MB, limit 5 MB\)/);
  assert.ok(performance.now() - started < 1000);

  mkdirSync(join(dir, 'folder.md'));
  assert.match((await refusal(readSpecFile(join(dir, 'folder.md')))).message, /is a directory/);
  const missing = await refusal(readSpecFile(join(dir, 'missing.md')));
  assert.equal(missing.code, 'NOT_FOUND');
  assert.match(missing.message, /missing\.md: no such file$/);
});
