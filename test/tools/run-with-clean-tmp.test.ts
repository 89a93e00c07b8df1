import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const runner = fileURLToPath(new URL('./run-with-clean-tmp.mjs', import.meta.url));

/** Runs `script` under the runner with Node; the script prints its temporary directory first. */
function run(script: string) {
  const result = spawnSync(process.execPath, [runner, process.execPath, '-e', `const os = require('node:os'), fs = require('node:fs'), path = require('node:path'); console.log(os.tmpdir()); ${script}`], {
    encoding: 'utf8',
  });
  return { code: result.status, tmp: result.stdout.split('\n')[0], stderr: result.stderr };
}

describe('AC-6: the clean-TMPDIR runner', () => {
  it('passes a command that removes what it creates, and removes its fresh directory', () => {
    const r = run("const d = fs.mkdtempSync(path.join(os.tmpdir(), 'specbench-ok-')); fs.rmSync(d, { recursive: true });");
    assert.equal(r.code, 0, r.stderr);
    assert.notEqual(r.tmp, '');
    assert.equal(existsSync(r.tmp), false, 'the fresh TMPDIR is removed');
  });

  it('fails a command that leaves specbench-* folders, naming each one', () => {
    const r = run("fs.mkdirSync(path.join(os.tmpdir(), 'specbench-leak-a')); fs.mkdirSync(path.join(os.tmpdir(), 'specbench-leak-b')); fs.mkdirSync(path.join(os.tmpdir(), 'other'));");
    assert.equal(r.code, 1);
    assert.match(r.stderr, /AC-6: 2 temporary folder\(s\) left behind/);
    assert.match(r.stderr, /specbench-leak-a\n {2}specbench-leak-b/);
    assert.doesNotMatch(r.stderr, /other/);
    assert.equal(existsSync(r.tmp), false, 'removed even when folders were left');
  });

  it("keeps the command's own failure code, and allows only the finished PostgreSQL template cache", () => {
    assert.equal(run('process.exit(3)').code, 3);
    const cache = run("fs.mkdirSync(path.join(os.tmpdir(), 'specbench-pg-template-0123456789ab'));");
    assert.equal(cache.code, 0, cache.stderr);
    const building = run("fs.mkdirSync(path.join(os.tmpdir(), 'specbench-pg-template-0123456789ab.building-1-2'));");
    assert.equal(building.code, 1);
    assert.match(building.stderr, /specbench-pg-template-0123456789ab\.building-1-2/);
  });
});
