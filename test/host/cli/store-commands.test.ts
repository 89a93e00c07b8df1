import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CliCommand, CliIo } from '../../../host/cli/command.js';
import { UsageError } from '../../../host/common/usage-error.js';
import { specsCommand } from '../../../host/cli/commands/specs.js';
import { historyCommand } from '../../../host/cli/commands/history.js';
import { diffCommand } from '../../../host/cli/commands/diff.js';
import { backupCommand } from '../../../host/cli/commands/backup.js';
import { appRoot } from '../../../host/paths.js';
import { openSpecStore } from '../../../host/store/spec-store.js';
import { sampleSpecFiles, sampleSpecsDir, samplesDir, tempDir, withAcChange } from '../store/helpers.js';

function cli(home: string) {
  return async (command: CliCommand, ...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: home, env: { SPECBENCH_HOME: home } };
    const code = await command.run(argv, io);
    return { code, stdout, stderr };
  };
}

test('specs import, list, export, history, diff and backup against $SPECBENCH_HOME', async (t) => {
  const home = tempDir(t);
  const run = cli(home);

  const imported = await run(specsCommand, 'import', sampleSpecsDir(t));
  assert.equal(imported.code, 0);
  assert.match(imported.stdout, new RegExp(`^Imported ${sampleSpecFiles.length} specs\\.`));
  assert.ok(sampleSpecFiles.length >= 3);

  const list = JSON.parse((await run(specsCommand, 'list', '--format', 'json', '--sort', 'title')).stdout) as { specs: Array<{ id: number; title: string; importName: string }> };
  assert.deepEqual(list.specs.map((s) => s.title), ['Audit Log Export', 'Magic Link Authentication', 'Magic Link Authentication', 'Magic Link Authentication (hardened)']);
  const text = (await run(specsCommand, 'list')).stdout;
  assert.match(text, /^ID\s+TITLE\s+STATUS\s+READY\s+VERSIONS\s+LAST EDITED\n/);
  // One status vocabulary (issue 10 FR-9): the CLI says "in review" as the title bar and Library do.
  assert.match(text, /Audit Log Export\s+in review\s+\d/);

  const magicId = list.specs.find((s) => s.importName === 'magic-link.md')!.id;
  const original = (await run(specsCommand, 'export', String(magicId))).stdout;
  const store = openSpecStore(home);
  const source = store.getVersion(magicId, 1).markdown;
  store.saveVersion({ specId: magicId, markdown: withAcChange(source, 2, 'revised'), author: 'Tomas', message: 'Revise AC-2' });
  store.close();
  assert.equal(original, source);
  assert.equal(source, readFileSync(join(samplesDir, 'magic-link.md'), 'utf8'));

  const out = join(tempDir(t), 'v1.md');
  const written = await run(specsCommand, 'export', String(magicId), '--version', '1', '--out', out);
  assert.match(written.stdout, /^Wrote version 1 of spec \d+ to .*v1\.md/);
  assert.equal(readFileSync(out, 'utf8'), source);

  const history = await run(historyCommand, String(magicId));
  assert.match(history.stdout, /^v2 .* Tomas {2}Revise AC-2\n {4}Acceptance Criteria: AC-2 modified\nv1 /);
  const historyJson = JSON.parse((await run(historyCommand, String(magicId), '--format', 'json')).stdout) as { versions: unknown[] };
  assert.equal(historyJson.versions.length, 2);

  const diff = await run(diffCommand, String(magicId), '1', '2');
  assert.match(diff.stdout, /^Spec \d+: version 1 → 2\n {2}Acceptance Criteria: AC-2 modified\n\n## Acceptance Criteria \(modified\)\n@@ /);
  assert.match(diff.stdout, /\n-- \*\*AC-2:\*\*.*\n\+- \*\*AC-2:\*\*.* revised\n/);
  const diffJson = JSON.parse((await run(diffCommand, String(magicId), '1', '2', '--format', 'json')).stdout) as { summary: { items: unknown[] } };
  assert.deepEqual(diffJson.summary.items, [{ id: 'AC-2', section: 'Acceptance Criteria', change: 'modified' }]);
  assert.equal((await run(diffCommand, String(magicId), '1', '2', '--summary')).stdout, `Spec ${magicId}: version 1 → 2\n  Acceptance Criteria: AC-2 modified\n`);

  const backupFile = join(tempDir(t), 'library.db');
  const backup = await run(backupCommand, backupFile);
  assert.match(backup.stdout, /^Backed up to .*library\.db \(\d+ bytes\)\n$/);
});

test('usage errors are UsageErrors (exit 2 through the CLI)', async (t) => {
  const run = cli(tempDir(t));
  await assert.rejects(run(specsCommand), UsageError);
  await assert.rejects(run(specsCommand, 'frobnicate'), UsageError);
  await assert.rejects(run(historyCommand, 'abc'), /spec id must be a positive whole number/);
  await assert.rejects(run(diffCommand, '1', '2'), UsageError);
  await assert.rejects(run(specsCommand, 'list', '--state', 'deleted'), /--state must be one of/);
  await assert.rejects(run(specsCommand, 'export', '1', '--version', '0'), /--version must be/);
  await assert.rejects(run(historyCommand, '1', '--format', 'yaml'), /--format must be one of/);
});

test('through the real entry point: exit codes and one-line errors', async (t) => {
  const home = tempDir(t);
  const exec = promisify(execFile);
  const entry = join(appRoot, 'host', 'cli', 'run.ts');
  const env = { ...process.env, SPECBENCH_HOME: home };
  const ok = await exec(process.execPath, ['--import', 'tsx', entry, 'specs', 'import', sampleSpecsDir(t), '--format', 'json'], { cwd: appRoot, env });
  assert.equal((JSON.parse(ok.stdout) as { imported: unknown[] }).imported.length, sampleSpecFiles.length);
  const missing = await exec(process.execPath, ['--import', 'tsx', entry, 'history', '99'], { cwd: appRoot, env }).then(
    () => assert.fail('expected a non-zero exit'),
    (e: { code: number; stderr: string }) => e,
  );
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, 'specbench history: spec 99 does not exist\n');
});
