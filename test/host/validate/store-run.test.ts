import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../../host/cli/main.js';
import { appRoot } from '../../../host/paths.js';
import { openSpecStore } from '../../../host/store/spec-store.js';
import { tempDir } from '../../support/temp-dir.js';

test('validate --store records the run against the library version with the same text (FR-7)', async (t) => {
  const home = tempDir('specbench-home-', t);
  const dir = tempDir('specbench-validate-', t);
  const file = join(dir, 'magic-link.md');
  const markdown = readFileSync(join(appRoot, 'samples/magic-link.md'), 'utf8');
  writeFileSync(file, markdown);
  const setup = openSpecStore(home);
  const created = setup.createSpec({ source: { kind: 'markdown', markdown, fileName: 'magic-link.md' }, author: 'Priya' });
  await setup.saveVersionForFile({ specId: created.spec.id, markdown }, file);
  setup.close();

  let err = '';
  const io = { stdout: () => undefined, stderr: (s: string) => void (err += s), cwd: appRoot, env: { SPECBENCH_HOME: home } };
  const code = await runCli(['validate', file, '--ac', 'AC-6,AC-10', '--store'], io);
  assert.equal(code, 0, err);
  assert.match(err, /stored as the result of version 1/);

  const store = openSpecStore(home);
  t.after(() => store.close());
  const head = store.listVersions(created.spec.id)[0]!;
  const [run] = store.listValidationRuns(created.spec.id, head.contentHash);
  assert.ok(run);
  assert.deepEqual([run.passed, run.total, run.target], [2, 2, 'embedded']);

  writeFileSync(file, `${markdown}\n`);
  err = '';
  await runCli(['validate', file, '--ac', 'AC-6', '--store'], io);
  assert.match(err, /not stored: the file differs from every stored version/);
});
