import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freshBundle } from '../../../host/cli/bundle-select.mjs';
import { appRoot } from '../../../host/paths.js';
import { buildCli } from '../../../host/tools/build-cli.mjs';

function run(args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: appRoot, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

// FR-7: the esbuild bundle of the CLI prints exactly what the TypeScript sources print. The test
// builds its own bundle (same options as `npm run build:cli`) in a scratch folder one level below
// the app root, where the real one lives, so it never races a build of dist-cli/.
describe('the bundled CLI', () => {
  const home = mkdtempSync(join(tmpdir(), 'specbench-bundle-home-'));
  const outdir = mkdtempSync(join(appRoot, '.dist-cli-test-'));
  before(async () => {
    await buildCli(appRoot, relative(appRoot, outdir));
  });
  after(() => {
    rmSync(outdir, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  const cases: string[][] = [
    ['--help'],
    [],
    ['lint', '--help'],
    ['parse', 'samples/magic-link.md', '--format', 'json'],
    ['lint', 'samples/magic-link.md'],
    ['lint', 'samples/magic-link-draft.md', '--format', 'json'],
    ['lint', 'samples/magic-link-draft.md', '--format', 'sarif'],
    ['lint', 'samples/nope.md'],
    ['specs', 'list'],
    ['review', 'samples/magic-link-draft.md', '--pass', 'x', '--all'],
  ];

  it('gives byte-identical stdout, stderr and exit code to the tsx path', async () => {
    const env = { SPECBENCH_HOME: home, ANTHROPIC_API_KEY: '' };
    for (const argv of cases) {
      const [bundled, source] = await Promise.all([
        run([join(outdir, 'specbench.mjs'), ...argv], env),
        run(['--import', 'tsx', join(appRoot, 'host/cli/run.ts'), ...argv], env),
      ]);
      assert.deepEqual(bundled, source, `specbench ${argv.join(' ')}`);
      assert.ok(bundled.stdout.length + bundled.stderr.length > 0, `specbench ${argv.join(' ')} printed something`);
    }
  });
});

describe('bin.mjs bundle choice (freshBundle)', () => {
  const root = mkdtempSync(join(tmpdir(), 'specbench-bin-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);

  before(() => {
    mkdirSync(join(root, 'dist-cli'));
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src/a.ts'), 'a');
    writeFileSync(join(root, 'src/b.ts'), 'b');
    writeFileSync(join(root, 'dist-cli/specbench.mjs'), '');
    writeFileSync(join(root, 'dist-cli/inputs.json'), JSON.stringify(['src/a.ts', 'src/b.ts']));
  });

  it('runs the bundle while no input is newer than it', () => {
    at('src/a.ts', 1000);
    at('src/b.ts', 1000);
    at('dist-cli/specbench.mjs', 2000);
    assert.equal(freshBundle(root), join(root, 'dist-cli/specbench.mjs'));
  });

  it('falls back to the sources when one input was edited after the build', () => {
    at('src/b.ts', 3000);
    assert.equal(freshBundle(root), null);
    at('src/b.ts', 1000);
  });

  it('falls back when an input is gone, the input list is missing, or there is no bundle', () => {
    writeFileSync(join(root, 'dist-cli/inputs.json'), JSON.stringify(['src/a.ts', 'src/gone.ts']));
    assert.equal(freshBundle(root), null);
    rmSync(join(root, 'dist-cli/inputs.json'));
    assert.equal(freshBundle(root), null);
    assert.equal(freshBundle(root, 'no-such-dir'), null);
  });
});
