import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { appRoot, samplesDir } from '../../host/paths.js';
import { launchChromium, watchPageHealth } from './harness.js';
import { WorkbenchPage } from './pages/workbench-page.js';

// Issue 10 AC-6 / FR-8: after `npm start` (here in browser mode, as it falls back without the
// Electron binary), editing and Ctrl+S, the repository is unchanged: the sample opens as a
// working copy in the data folder and the save lands there.

/** `npm start`'s own entry with Electron skipped; resolves with its URL from the line it prints. */
function npmStartBrowserMode(home: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(appRoot, 'host/launch/start.ts'), '--port', '0'], {
    cwd: appRoot,
    env: { ...process.env, SPECBENCH_BROWSER: '1', SPECBENCH_HOME: home, ANTHROPIC_API_KEY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL within 60 s: ${stderr}`)), 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^Specbench \(browser mode\) at (http:\/\/\S+)$/.exec(line);
      if (!match) return;
      clearTimeout(timer);
      resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}: ${stderr}`));
    });
  });
}

function gitStatus(): string {
  return execFileSync('git', ['status', '--porcelain', '--', 'samples'], { cwd: appRoot, encoding: 'utf8' });
}

describe('npm start opens the sample as a working copy (AC-6)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'specbench-npm-start-'));
  const home = join(dir, 'home');
  const samplePath = join(samplesDir, 'magic-link.md');
  const sampleBefore = readFileSync(samplePath);
  const statusBefore = gitStatus();
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let problems: string[];

  before(async () => {
    const started = await npmStartBrowserMode(home);
    server = started.child;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    problems = watchPageHealth(page);
    await new WorkbenchPage(page).open(started.url);
  });
  after(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('saves the edit with Ctrl+S into the working copy in the data folder and leaves samples/ untouched', async () => {
    const ui = new WorkbenchPage(page);
    const typed = 'Edited in the first hour, saved with Ctrl+S.';
    await ui.typeAtEnd('context', typed);
    await ui.save();

    const workingCopy = join(home, 'working', 'magic-link.md');
    const saved = readFileSync(workingCopy, 'utf8');
    assert.ok(saved.includes(typed), 'the working copy holds the edit');
    assert.ok(readFileSync(samplePath).equals(sampleBefore), 'samples/magic-link.md is byte for byte what it was');
    assert.equal(gitStatus(), statusBefore, 'git status of samples/ is unchanged');
    assert.equal(statusBefore, '', 'and clean');
    assert.deepEqual(problems, []);
  });
});
