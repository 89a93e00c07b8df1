import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../../host/cli/main.js';
import { createHandlers } from '../../../host/handlers/index.js';
import { createBrowserContext } from '../../../host/launch/browser-context.js';
import { dispatch } from '../../../host/handlers/dispatch.js';
import { samplesDir, tempDir } from '../store/helpers.js';

/** The host save as the renderer reaches it: the `files.write` operation of the contract. */
function contract(dataDir: string) {
  const handlers = createHandlers(createBrowserContext({ initialPath: null, emit: () => undefined, env: { SPECBENCH_HOME: dataDir } }));
  return (name: 'files.write' | 'files.read', args: unknown) => dispatch(handlers, name, args);
}

async function cli(home: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd: home, env: { SPECBENCH_HOME: home } });
  return { code, out, err };
}

const mode = (path: string) => statSync(path).mode & 0o777;

test('files.write over a 0600 file keeps 0600 and leaves no temp file behind', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'private.md');
  writeFileSync(file, '# Old\n');
  chmodSync(file, 0o600);
  const saved = await contract(join(dir, 'home'))('files.write', { path: file, content: '# New\n', bom: false });
  assert.ok(saved.ok, JSON.stringify(saved));
  assert.equal(readFileSync(file, 'utf8'), '# New\n');
  assert.equal(mode(file).toString(8), '600');
  assert.deepEqual(readdirSync(dir).sort(), ['private.md']);
});

test('files.write through a symlink writes the target and keeps the link, dangling links included', async (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'real'));
  const target = join(dir, 'real', 'spec.md');
  writeFileSync(target, '# Old\n');
  chmodSync(target, 0o640);
  const link = join(dir, 'link.md');
  symlinkSync('real/spec.md', link);
  const call = contract(join(dir, 'home'));

  const saved = await call('files.write', { path: link, content: '# Through the link\n', bom: false });
  assert.ok(saved.ok, JSON.stringify(saved));
  assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
  assert.equal(readlinkSync(link), 'real/spec.md');
  assert.equal(readFileSync(target, 'utf8'), '# Through the link\n');
  assert.equal(mode(target).toString(8), '640');

  const dangling = join(dir, 'new.md');
  symlinkSync('real/created.md', dangling);
  assert.ok((await call('files.write', { path: dangling, content: '# Created\n', bom: true })).ok);
  assert.ok(lstatSync(dangling).isSymbolicLink());
  assert.deepEqual([...readFileSync(join(dir, 'real', 'created.md')).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
});

test('specs export --out keeps a 0600 file and writes through a symlink, keeping the link', async (t) => {
  const home = tempDir(t);
  assert.equal((await cli(home, 'specs', 'import', samplesDir)).code, 0);
  const sample = readFileSync(join(samplesDir, 'magic-link.md'));
  const list = JSON.parse((await cli(home, 'specs', 'list', '--format', 'json')).out) as { specs: Array<{ id: number; importName: string }> };
  const id = String(list.specs.find((s) => s.importName === 'magic-link.md')!.id);

  const out = join(home, 'out');
  mkdirSync(out);
  const privateFile = join(out, 'private.md');
  writeFileSync(privateFile, 'old');
  chmodSync(privateFile, 0o600);
  const exported = await cli(home, 'specs', 'export', id, '--out', privateFile);
  assert.equal(exported.code, 0, exported.err);
  assert.equal(mode(privateFile).toString(8), '600');
  assert.ok(readFileSync(privateFile).equals(sample));

  const target = join(out, 'target.md');
  writeFileSync(target, 'old');
  const link = join(out, 'link.md');
  symlinkSync(target, link);
  assert.equal((await cli(home, 'specs', 'export', id, '--out', link)).code, 0);
  assert.ok(lstatSync(link).isSymbolicLink());
  assert.equal(readlinkSync(link), target);
  assert.ok(readFileSync(target).equals(sample));
});

test('text with a lone surrogate is refused with its offset and nothing is written', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'spec.md');
  writeFileSync(file, '# Kept\n');
  const call = contract(join(dir, 'home'));
  const refused = await call('files.write', { path: file, content: '# T\nab\uD800c', bom: false });
  assert.ok(!refused.ok);
  assert.equal(refused.error.code, 'INVALID_TEXT');
  assert.match(refused.error.message, /lone surrogate U\+D800 at character offset 6 \(line 2, column 3\)/);
  assert.equal(readFileSync(file, 'utf8'), '# Kept\n');
  // A proper pair is fine, and what is written reads back.
  assert.ok((await call('files.write', { path: file, content: 'ok \uD83D\uDE00', bom: false })).ok);
  const back = await call('files.read', { path: file });
  assert.ok(back.ok && (back.value as { content: string }).content === 'ok \uD83D\uDE00');
  const trailing = await call('files.write', { path: file, content: 'x\uDC00', bom: false });
  assert.ok(!trailing.ok && /U\+DC00 at character offset 1/.test(trailing.error.message));
});

test('a save refuses to replace a folder or a FIFO, and names a missing folder in words', async (t) => {
  const dir = tempDir(t);
  const call = contract(join(dir, 'home'));
  mkdirSync(join(dir, 'folder.md'));
  const folder = await call('files.write', { path: join(dir, 'folder.md'), content: 'x', bom: false });
  assert.ok(!folder.ok && folder.error.code === 'NOT_A_FILE' && /is a folder/.test(folder.error.message));
  execFileSync('mkfifo', [join(dir, 'pipe.md')]);
  const fifo = await call('files.write', { path: join(dir, 'pipe.md'), content: 'x', bom: false });
  assert.ok(!fifo.ok && fifo.error.code === 'NOT_A_FILE' && /not a regular file/.test(fifo.error.message));
  assert.ok(lstatSync(join(dir, 'pipe.md')).isFIFO(), 'the FIFO was not replaced');
  const missing = await call('files.write', { path: join(dir, 'no', 'such', 'x.md'), content: 'x', bom: false });
  assert.ok(!missing.ok && /could not save .*folder does not exist/.test(missing.error.message));
  assert.ok(!/ENOENT/.test(missing.ok ? '' : missing.error.message));
});

test('specbench backup to a dangling symlink writes the backup at its target and keeps the link', async (t) => {
  const home = tempDir(t);
  assert.equal((await cli(home, 'specs', 'import', samplesDir)).code, 0);
  const out = tempDir(t);
  const link = join(out, 'latest.db');
  symlinkSync(join(out, 'copy.db'), link);
  const backup = await cli(home, 'backup', link);
  assert.equal(backup.code, 0, backup.err);
  assert.ok(lstatSync(link).isSymbolicLink());
  assert.equal(readFileSync(join(out, 'copy.db')).subarray(0, 15).toString(), 'SQLite format 3');
  assert.deepEqual(readdirSync(out).sort(), ['copy.db', 'latest.db']);
  const again = await cli(home, 'backup', link);
  assert.equal(again.code, 2);
  assert.match(again.err, /already exists/);
});

test('a file-system error no handler anticipated reaches the client in words, naming the path', async (t) => {
  const home = tempDir(t);
  writeFileSync(join(home, 'backups'), 'a file where the backups folder goes');
  const handlers = createHandlers(createBrowserContext({ initialPath: null, emit: () => undefined, env: { SPECBENCH_HOME: home } }));
  const answer = await dispatch(handlers, 'store.backup', {});
  assert.ok(!answer.ok);
  assert.equal(answer.error.code, 'FILE_ERROR');
  assert.match(answer.error.message, /^store\.backup failed: .*backups: already exists$/);
});
