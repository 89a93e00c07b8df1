import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { groupAlive, waitForGroupExit } from './support/process-group.js';

// embedded-server/main.ts as a process: flags, the ready line, shutdown on SIGINT and on stdin closing.
const MAIN = fileURLToPath(new URL('../../embedded-server/main.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));

function start(args: string[]): { child: ChildProcess; output: string[]; ready: Promise<string> } {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: REPO, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const output: string[] = [];
  const ready = new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        output.push(line);
        const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
        if (match) resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
  });
  return { child, output, ready };
}

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
