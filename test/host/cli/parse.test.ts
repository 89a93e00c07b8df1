import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../../host/cli/main.js';
import { appRoot } from '../../../host/paths.js';
import { tempDir } from '../../support/temp-dir.js';

function capture(argv: string[]) {
  let out = '';
  let err = '';
  const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), cwd: appRoot, env: {} };
  return runCli(argv, io).then((code) => ({ code, out, err }));
}

describe('specbench parse', () => {
  it('prints the magic-link sample as JSON with every FR, NFR, row and grouped AC (through the real bin)', () => {
    const run = spawnSync(process.execPath, [join(appRoot, 'host/cli/bin.mjs'), 'parse', 'samples/magic-link.md', '--format', 'json'], { cwd: appRoot, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const json = JSON.parse(run.stdout) as { title: string; template: string; sections: Array<{ key: string; items: Array<{ id: string; group?: string }>; rows?: unknown[] }> };
    const byKey = Object.fromEntries(json.sections.map((s) => [s.key, s]));
    assert.equal(json.template, 'agent-ready');
    assert.equal(byKey.functional.items.length, 8);
    assert.equal(byKey.nonFunctional.items.length, 5);
    assert.equal(byKey.edgeCases.rows?.length, 8);
    const acs = byKey.acceptance.items;
    assert.deepEqual(acs.map((i) => i.id), Array.from({ length: 10 }, (_, i) => `AC-${i + 1}`));
    assert.deepEqual([...new Set(acs.map((i) => i.group))], ['Happy Path', 'Error States', 'Security', 'Backwards Compatibility']);
  });

  it('exits 2 with one line for a missing path, a directory, bad UTF-8 and bad usage', async () => {
    const dir = tempDir('specbench-cli-');
    const bad = join(dir, 'bad.md');
    writeFileSync(bad, Buffer.from([0x23, 0x20, 0x41, 0x0a, 0xc3, 0x28]));
    const cases: Array<[string[], RegExp]> = [
      [['parse', join(dir, 'missing.md')], /no such file/],
      [['parse', dir], /is a directory/],
      [['parse', bad], /byte offset 4/],
      [['parse'], /expected exactly one file/],
      [['parse', bad, '--format', 'yaml'], /--format must be one of text, json/],
      [['nonsense'], /unknown command/],
    ];
    for (const [argv, message] of cases) {
      const { code, out, err } = await capture(argv);
      assert.equal(code, 2, argv.join(' '));
      assert.equal(out, '');
      assert.match(err, message);
      assert.equal(err.trimEnd().split('\n').length, 1, `one line: ${err}`);
    }
  });

  it('--help lists the commands', async () => {
    const { code, out } = await capture(['--help']);
    assert.equal(code, 0);
    assert.match(out, /parse\s+Parse a Markdown spec/);
  });
});

describe('specbench parse text output', () => {
  it('marks an item cut at 100 characters or after its first line with an ellipsis, and leaves short items whole', async () => {
    const dir = tempDir('specbench-parse-clip-');
    const long = `The system must ${'record every sign-in attempt '.repeat(6)}in the audit log.`;
    const file = join(dir, 'clip.md');
    writeFileSync(file, `# Clip\n\n## Functional Requirements\n- FR-1: ${long}\n- FR-2: First line only\n  and a second line.\n- FR-3: Short and whole.\n`);
    const { code, out } = await capture(['parse', file]);
    assert.equal(code, 0);
    const line = (id: string) => out.split('\n').find((l) => l.trim().startsWith(`${id}:`))!;
    assert.ok(line('FR-1').endsWith('…'), line('FR-1'));
    assert.equal(line('FR-1').trim().length, 'FR-1: '.length + 100);
    assert.match(line('FR-2'), /FR-2: First line only…$/);
    assert.match(line('FR-3'), /FR-3: Short and whole\.$/);
  });
});
