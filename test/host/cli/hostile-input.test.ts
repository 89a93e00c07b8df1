import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { appRoot } from '../../../host/paths.js';
import { buildCli } from '../../../host/tools/build-cli.mjs';
import { tempDir } from '../store/helpers.js';

const BIN = join(appRoot, 'host/cli/bin.mjs');
const REPORT_USAGE = join(appRoot, 'test/host/cli/support/report-usage.mjs');

/** Spawns node; a hang is killed after `killAfterMs` and reported as such rather than stalling the suite. */
function run(args: string[], options: { cwd: string; env?: Record<string, string>; uid?: number; gid?: number; killAfterMs?: number }) {
  return new Promise<{ status: number | null; stdout: string; stderr: string; killed: boolean }>((resolve) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, uid: options.uid, gid: options.gid });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => ((killed = true), child.kill('SIGKILL')), options.killAfterMs ?? 60_000);
    child.on('close', (status) => (clearTimeout(timer), resolve({ status, stdout, stderr, killed })));
  });
}

function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr: ${stderr}`);
  assert.doesNotMatch(lines[0], /\bE[A-Z]{3,}\b|at .*\.ts:\d+/, `words, not errno codes or stacks: ${lines[0]}`);
  return lines[0];
}

test('AC-4: specbench parse of a FIFO and of /dev/zero exits 2 at once with little memory (the real bin)', async (t) => {
  const dir = tempDir(t, 'specbench-hostile-');
  execFileSync('mkfifo', [join(dir, 'fifo.md')]);
  // The bundled CLI as `npm run build:cli` builds it (dist-cli/), built here into a scratch folder
  // one level below the app root, where the real one lives, so the test never races a build.
  const outdir = mkdtempSync(join(appRoot, '.dist-cli-test-'));
  t.after(() => rmSync(outdir, { recursive: true, force: true }));
  await buildCli(appRoot, relative(appRoot, outdir));
  for (const [target, kind] of [['fifo.md', /not a regular file \(a FIFO\)/], ['/dev/zero', /not a regular file \(a character device\)/]] as const) {
    const real = await run([BIN, 'parse', target], { cwd: dir });
    assert.equal(real.killed, false, `${target} hung`);
    assert.equal(real.status, 2, real.stderr);
    assert.match(oneLine(real.stderr), kind);

    // "Within 1 s using under 100 MB", measured on the bundled CLI (what bin.mjs runs when built):
    // the time from loading it to the exit, and the whole process's peak RSS, not its growth.
    const usageReport = join(dir, 'usage.json');
    const bundled = await run(['--import', REPORT_USAGE, join(outdir, 'specbench.mjs'), 'parse', target], { cwd: dir, env: { SPECBENCH_USAGE_REPORT: usageReport } });
    assert.equal(bundled.killed, false, `${target} hung`);
    assert.equal(bundled.status, 2, bundled.stderr);
    assert.match(oneLine(bundled.stderr), kind);
    const usage = JSON.parse(readFileSync(usageReport, 'utf8')) as { maxRssKb: number; ms: number };
    const peakMb = usage.maxRssKb / 1024;
    t.diagnostic(`${target}: bundled CLI exits in ${usage.ms.toFixed(0)} ms after loading, total peak RSS ${peakMb.toFixed(1)} MB`);
    assert.ok(usage.ms < 1000, `${target} took ${usage.ms} ms`);
    assert.ok(peakMb > 10, `a plausible measurement of a whole Node process (${peakMb} MB)`);
    assert.ok(peakMb < 100, `${target}: the bundled CLI peaked at ${peakMb.toFixed(1)} MB resident`);
  }
});

test('a socket named .md is refused as not a regular file', async (t) => {
  const dir = tempDir(t, 'specbench-hostile-');
  const { createServer } = await import('node:net');
  const server = createServer().listen(join(dir, 'sock.md'));
  await new Promise((resolve) => server.once('listening', resolve));
  t.after(() => server.close());
  const real = await run([BIN, 'parse', 'sock.md'], { cwd: dir });
  assert.equal(real.status, 2, real.stderr);
  assert.match(oneLine(real.stderr), /sock\.md: not a regular file/);
});

test('a .specbench.json nested 100,000 deep exits 2 with one line, not a stack overflow', async (t) => {
  const dir = tempDir(t, 'specbench-hostile-');
  writeFileSync(join(dir, '.specbench.json'), `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  writeFileSync(join(dir, 'spec.md'), '# Spec\n');
  const real = await run([BIN, 'lint', 'spec.md'], { cwd: dir });
  assert.equal(real.status, 2, real.stderr);
  assert.match(oneLine(real.stderr), /\.specbench\.json:1:65: .*nested more than 64 levels deep/);
});

test('a folder where the database should be, or a file where the data folder should be, exits 2 in words', async (t) => {
  const dir = tempDir(t, 'specbench-hostile-');
  mkdirSync(join(dir, 'home', 'specbench.db'), { recursive: true });
  const folderDb = await run([BIN, 'specs', 'list'], { cwd: dir, env: { SPECBENCH_HOME: join(dir, 'home') } });
  assert.equal(folderDb.status, 2, folderDb.stderr);
  assert.match(oneLine(folderDb.stderr), /database path .*specbench\.db is a folder, not a database file/);

  writeFileSync(join(dir, 'file'), '');
  const fileHome = await run([BIN, 'history', '1'], { cwd: dir, env: { SPECBENCH_HOME: join(dir, 'file', 'home') } });
  assert.equal(fileHome.status, 2, fileHome.stderr);
  assert.match(oneLine(fileHome.stderr), /cannot create the data folder .*file\/home: a file is in the way/);
});

test('an unwritable data folder exits 2 naming the folder', async (t) => {
  const dir = tempDir(t, 'specbench-hostile-');
  const locked = join(dir, 'locked');
  mkdirSync(locked);
  chmodSync(dir, 0o755);
  chmodSync(locked, 0o555);
  // root ignores permission bits, so as root the CLI runs as "nobody", for whom they hold.
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const real = await run([BIN, 'specs', 'list'], { cwd: dir, env: { SPECBENCH_HOME: join(locked, 'home') }, ...asNobody });
  assert.equal(real.status, 2, real.stderr);
  assert.match(oneLine(real.stderr), /cannot create the data folder .*locked\/home: permission denied/);
  assert.equal(existsSync(join(locked, 'home')), false);
});

test('missing files and folders exit 2 in words across commands', async (t) => {
  const dir = tempDir(t, 'specbench-hostile-');
  const env = { SPECBENCH_HOME: join(dir, 'home') };
  const cases: Array<[string[], RegExp]> = [
    [['parse', 'missing.md'], /missing\.md: no such file/],
    [['lint', 'missing.md'], /missing\.md: no such file/],
    [['specs', 'import', 'nowhere'], /nowhere: no such folder/],
    [['backup', join(dir, 'no', 'such', 'b.db')], /folder .* does not exist/],
  ];
  for (const [argv, message] of cases) {
    const real = await run([BIN, ...argv], { cwd: dir, env });
    assert.equal(real.status, 2, `${argv.join(' ')}: ${real.stderr}`);
    assert.match(oneLine(real.stderr), message);
  }
});

test('a database that is not SQLite exits 1 ("cannot be used"), as the README table says, in one line', async (t) => {
  const dir = tempDir(t, 'specbench-hostile-');
  mkdirSync(join(dir, 'home'));
  writeFileSync(join(dir, 'home', 'specbench.db'), 'not a database at all, just text\n'.repeat(200));
  const real = await run([BIN, 'specs', 'list'], { cwd: dir, env: { SPECBENCH_HOME: join(dir, 'home') } });
  assert.equal(real.status, 1, real.stderr);
  assert.match(oneLine(real.stderr), /is not a database/);
});

test('specs import skips a FIFO named .md as not a regular file instead of hanging', async (t) => {
  const dir = tempDir(t, 'specbench-hostile-');
  mkdirSync(join(dir, 'specs'));
  execFileSync('mkfifo', [join(dir, 'specs', 'pipe.md')]);
  writeFileSync(join(dir, 'specs', 'real.md'), '# Real\n');
  const real = await run([BIN, 'specs', 'import', 'specs'], { cwd: dir, env: { SPECBENCH_HOME: join(dir, 'home') } });
  assert.equal(real.killed, false, 'import hung on the FIFO');
  assert.equal(real.status, 0, real.stderr);
  assert.match(real.stdout, /Imported 1 spec, skipped 1 file/);
  assert.match(real.stdout, /skipped pipe\.md: not a regular file \(a FIFO\)/);
});
