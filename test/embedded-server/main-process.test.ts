import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { test } from 'node:test';
import { groupAlive, waitForGroupExit } from './support/process-group.js';
import { MAIN, REPO, spawnMain as start } from './support/spawn-main.js';

// embedded-server/main.ts as a process: flags, the ready line, shutdown on SIGINT and on stdin closing.

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}


async function assertGroupGone(pgid: number): Promise<void> {
  await waitForGroupExit(pgid, 3_000);
  assert.ok(!groupAlive(pgid), 'no PostgreSQL is left behind');
}

test('--help prints and exits 0; a bad flag exits 2 (--list-defects: see the CLI test)', () => {
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: REPO, encoding: 'utf8' });
  const help = run(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--database-url URL/);
  const bad = run(['--port', '-1']);
  assert.equal(bad.status, 2);
  assert.notEqual(bad.stderr, '');
});

test('SIGINT closes Express and PostgreSQL and exits 0', async () => {
  const { child, output, ready } = start(['--port', '0', '--dev']);
  const url = await ready;
  assert.equal((await fetch(`${url}/__dev/clock`)).status, 200);
  child.kill('SIGINT');
  assert.equal(await exitOf(child), 0);
  assert.ok(output.some((l) => l.includes('"msg":"stopped"')));
  await assertGroupGone(child.pid!);
});

test('with --stdin-lifeline the server stops when its parent goes away (stdin closes)', async () => {
  const { child, output, ready } = start(['--port', '0', '--stdin-lifeline']);
  await ready;
  child.stdin!.end();
  assert.equal(await exitOf(child), 0);
  assert.ok(output.some((l) => l.includes('"reason":"stdin closed"')));
  await assertGroupGone(child.pid!);
});
