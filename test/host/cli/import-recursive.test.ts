import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import type { CliIo } from '../../../host/cli/command.js';
import { specsCommand } from '../../../host/cli/commands/specs.js';
import { historyCommand } from '../../../host/cli/commands/history.js';
import { walkSpecFolder } from '../../../host/store/import-walk.js';
import { samplesDir, tempDir } from '../store/helpers.js';

function cli(home: string) {
  return async (command: typeof specsCommand, ...argv: string[]) => {
    let stdout = '';
    const io: CliIo = { stdout: (s) => (stdout += s), stderr: () => {}, cwd: home, env: { SPECBENCH_HOME: home } };
    const code = await command.run(argv, io);
    return { code, stdout };
  };
}

const sample = readFileSync(join(samplesDir, 'magic-link.md'), 'utf8');
const spec = (title: string) => sample.replace(/^# .*$/m, `# ${title}`);

/** A repository with specs in the three tools' layouts, a plain spec, and files that are not specs. */
function repo(root: string): void {
  const files: Record<string, string> = {
    'specs/001-sign-in/spec.md': spec('Sign in'),
    'specs/001-sign-in/plan.md': '# Plan\n',
    '.kiro/specs/billing/requirements.md': spec('Billing requirements'),
    '.kiro/specs/billing/design.md': spec('Billing design'),
    '.kiro/specs/billing/tasks.md': '# Tasks\n',
    'openspec/specs/search/spec.md': spec('Search'),
    'openspec/changes/add-filters/proposal.md': '# Proposal\n',
    'docs/notes/retention.md': spec('Retention'),
    'README.md': '# Repo\n',
    'node_modules/pkg/spec.md': spec('Dependency'),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  symlinkSync(root, join(root, 'docs', 'loop'));
}

type Listed = { specs: Array<{ id: number; title: string; headVersion: number }> };

test('AC-5: specs import DIR --recursive twice keeps the spec count; an edited file adds exactly one version', async (t) => {
  const home = tempDir(t);
  const root = tempDir(t, 'specbench-repo-');
  repo(root);
  const run = cli(home);
  const list = async () => (JSON.parse((await run(specsCommand, 'list', '--format', 'json')).stdout) as Listed).specs;

  const first = JSON.parse((await run(specsCommand, 'import', root, '--recursive', '--format', 'json')).stdout) as {
    imported: Array<{ file: string }>;
    skipped: Array<{ file: string; code: string }>;
  };
  assert.deepEqual(first.imported.map((i) => i.file).sort(), ['.kiro/specs/billing/design.md', '.kiro/specs/billing/requirements.md', 'docs/notes/retention.md', 'openspec/specs/search/spec.md', 'specs/001-sign-in/spec.md']);
  assert.deepEqual(
    first.skipped.map((s) => `${s.code} ${s.file}`).sort(),
    ['NOT_A_SPEC .kiro/specs/billing/tasks.md', 'NOT_A_SPEC README.md', 'NOT_A_SPEC openspec/changes/add-filters/proposal.md', 'NOT_A_SPEC specs/001-sign-in/plan.md', 'SYMLINK_LOOP docs/loop/'],
  );
  assert.equal((await list()).length, 5);

  const second = await run(specsCommand, 'import', root, '--recursive');
  assert.equal(second.code, 0);
  assert.match(second.stdout, /^Imported 0 specs, 5 files unchanged, skipped 5 files\./);
  const afterSecond = await list();
  assert.equal(afterSecond.length, 5, 'the spec count is unchanged');
  assert.ok(afterSecond.every((s) => s.headVersion === 1), 'no version was added');

  writeFileSync(join(root, 'openspec/specs/search/spec.md'), `${spec('Search')}\nOne more line.\n`);
  const third = JSON.parse((await run(specsCommand, 'import', root, '--recursive', '--format', 'json')).stdout) as { imported: unknown[]; updated: Array<{ file: string; specId: number; version: number }> };
  assert.equal(third.imported.length, 0);
  assert.deepEqual(third.updated.map((u) => [u.file, u.version]), [['openspec/specs/search/spec.md', 2]]);
  const afterThird = await list();
  assert.equal(afterThird.length, 5);
  assert.deepEqual(afterThird.map((s) => s.headVersion).sort(), [1, 1, 1, 1, 2], 'exactly one version was added');
  const history = await run(historyCommand, String(third.updated[0].specId));
  assert.match(history.stdout, /Imported from openspec\/specs\/search\/spec\.md/);

  // A file moved on disk is matched by its content: still no duplicate.
  renameSync(join(root, 'docs/notes/retention.md'), join(root, 'docs/retention.md'));
  const moved = JSON.parse((await run(specsCommand, 'import', root, '--recursive', '--format', 'json')).stdout) as { imported: unknown[]; unchanged: Array<{ file: string }> };
  assert.equal(moved.imported.length, 0);
  assert.ok(moved.unchanged.some((u) => u.file === 'docs/retention.md'));
  assert.equal((await list()).length, 5);
});

test('the walk is bounded: too deep folders are skipped, too many specs refuse the import, clearly', async (t) => {
  const root = tempDir(t, 'specbench-repo-');
  mkdirSync(join(root, 'a/b/c'), { recursive: true });
  for (const p of ['one.md', 'a/two.md', 'a/b/three.md', 'a/b/c/four.md']) writeFileSync(join(root, p), '# Spec\n');
  const shallow = await walkSpecFolder(root, { maxDepth: 1, maxFiles: 100, maxEntries: 100 });
  assert.deepEqual(
    shallow.map((e) => (e.kind === 'file' ? e.file : `${e.code} ${e.file}`)),
    ['TOO_DEEP a/b/', 'a/two.md', 'one.md'],
  );
  await assert.rejects(walkSpecFolder(root, { maxDepth: 10, maxFiles: 3, maxEntries: 100 }), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'TOO_MANY_FILES');
    assert.match(error.message, /more than 3 Markdown specs under it; import a smaller folder/);
    return true;
  });
  await assert.rejects(walkSpecFolder(root, { maxDepth: 10, maxFiles: 100, maxEntries: 4 }), /more than 4 files and folders under it/);
  await assert.rejects(walkSpecFolder(join(root, 'one.md')), /is a file, not a folder/);
});
