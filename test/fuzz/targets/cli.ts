import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { runCli } from '../../../host/cli/main.js';
import { adversarialBytes } from '../support/adversarial.js';
import { withinBudget, type FuzzTarget } from '../support/harness.js';

/**
 * `specbench parse FILE` in process on temp files holding random and adversarial bytes (invalid
 * UTF-8, BOMs, NULs, huge documents) under odd names. Exit 0 with the summary, or exit 2 with one
 * line on stderr; exit 1 (an unexpected error) is a failure.
 */
export const cliTarget: FuzzTarget = {
  name: 'cli-parse',
  async setup(scale) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'specbench-fuzz-cli-'));
    const name = fc.oneof(
      fc.constant('spec.md'),
      fc.string({ minLength: 1, maxLength: 40 }).map((s) => `${s.replace(/[/\0]/g, '_')}.md`),
      fc.constantFrom('spec.txt', 'noext', ' spaced .md', 'ünïcödé.md', '.md', 'a.MD', '-dash.md'),
    );
    let counter = 0;
    return {
      input: fc.record({ bytes: adversarialBytes(scale), name, format: fc.constantFrom('json', 'text') }),
      async check(input) {
        const { bytes, name: fileName, format } = input as { bytes: Uint8Array; name: string; format: string };
        counter += 1;
        const caseDir = path.join(dir, String(counter));
        await mkdir(caseDir);
        const file = path.join(caseDir, fileName);
        await writeFile(file, bytes);
        const out: string[] = [];
        const err: string[] = [];
        const code = await withinBudget(
          runCli(['parse', fileName, '--format', format], { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: caseDir, env: {} }),
          scale === 'test' ? 5_000 : 15_000,
          `specbench parse of ${bytes.length} bytes`,
        );
        await rm(caseDir, { recursive: true, force: true });
        if (code === 0) {
          assert.equal(err.join(''), '');
          if (format === 'json') assert.doesNotThrow(() => JSON.parse(out.join('')), 'the JSON summary parses');
          return;
        }
        assert.equal(code, 2, `exit ${code}: ${err.join('')}`);
        const lines = err.join('').trimEnd().split('\n');
        assert.equal(lines.length, 1, `one error line, got: ${err.join('')}`);
        assert.ok(lines[0]!.length > 'specbench parse: '.length, 'the error says what is wrong');
      },
      async teardown() {
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};
