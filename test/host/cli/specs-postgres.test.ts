import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { CliIo } from '../../../host/cli/command.js';
import { runCli } from '../../../host/cli/main.js';
import { acquireDatabase } from '../../embedded-server/support/cluster.js';
import { samplesDir, sampleSpecFiles, tempDir } from '../store/helpers.js';

/**
 * Issue 15 AC-2: `specs import` then `specs export` against a team database (PostgreSQL,
 * selected by SPECBENCH_DATABASE_URL or --database-url) gives back every sample byte for byte.
 * The CLI runs as `specbench` does (runCli: parsing, exit codes, error lines).
 */

let database: Awaited<ReturnType<typeof acquireDatabase>>;
before(async () => {
  database = await acquireDatabase('cli_specs');
});
after(() => database.release());

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function cli(home: string, env: Record<string, string | undefined> = {}) {
  return async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: home, env: { SPECBENCH_HOME: home, ...env } };
    const code = await runCli(argv, io);
    return { code, stdout, stderr };
  };
}

test('specs import then specs export through SPECBENCH_DATABASE_URL round-trips every sample byte for byte', async (t) => {
  const home = tempDir(t);
  const run = cli(home, { SPECBENCH_DATABASE_URL: database.url });
  // Every file of samples/, README included, and one with a byte-order mark.
  const source = tempDir(t, 'specbench-samples-copy-');
  const files = readdirSync(samplesDir).filter((f) => f.endsWith('.md'));
  for (const f of files) writeFileSync(join(source, f), readFileSync(join(samplesDir, f)));
  writeFileSync(join(source, 'with-bom.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(join(samplesDir, 'magic-link.md'))]));
  files.push('with-bom.md');
  assert.ok(sampleSpecFiles.every((f) => files.includes(f)));

  const imported = await run('specs', 'import', source, '--format', 'json');
  assert.equal(imported.code, 0, imported.stderr);
  const result = JSON.parse(imported.stdout) as { imported: Array<{ file: string; specId: number }>; skipped: unknown[] };
  assert.deepEqual(result.imported.map((i) => i.file).sort(), [...files].sort());
  assert.deepEqual(result.skipped, []);

  const listed = await run('specs', 'list', '--format', 'json');
  assert.equal(listed.code, 0, listed.stderr);
  const specs = (JSON.parse(listed.stdout) as { specs: Array<{ id: number; importName: string }> }).specs;
  assert.deepEqual(specs.map((s) => s.importName).sort(), [...files].sort());

  const out = tempDir(t, 'specbench-export-');
  for (const spec of specs) {
    const exported = await run('specs', 'export', String(spec.id), '--out', out);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, new RegExp(`^Wrote version 1 of spec ${spec.id} to `));
  }
  assert.deepEqual(readdirSync(out).sort(), [...files].sort());
  for (const f of files) assert.equal(sha256(readFileSync(join(out, f))), sha256(readFileSync(join(source, f))), f);

  // Printed without --out: the Markdown as stored (the BOM written back).
  const bomSpec = specs.find((s) => s.importName === 'with-bom.md')!;
  assert.equal((await run('specs', 'export', String(bomSpec.id))).stdout, `\uFEFF${readFileSync(join(samplesDir, 'magic-link.md'), 'utf8')}`);

  // Nothing went to the local library.
  const local = await cli(home)('specs', 'list', '--format', 'json');
  assert.deepEqual(JSON.parse(local.stdout), { specs: [] });

  // Importing again adds nothing; a changed file adds one version to its spec.
  const again = JSON.parse((await run('specs', 'import', source, '--format', 'json')).stdout) as { imported: unknown[]; unchanged: unknown[] };
  assert.deepEqual([again.imported.length, again.unchanged.length], [0, files.length]);
  writeFileSync(join(source, 'magic-link.md'), `${readFileSync(join(samplesDir, 'magic-link.md'), 'utf8')}\nOne more line.\n`);
  const changed = JSON.parse((await run('specs', 'import', source, '--format', 'json')).stdout) as { updated: Array<{ file: string; version: number }> };
  assert.deepEqual(changed.updated.map((u) => [u.file, u.version]), [['magic-link.md', 2]]);

  // history and diff read the team database too.
  const magicId = specs.find((s) => s.importName === 'magic-link.md')!.id;
  const history = await run('history', String(magicId));
  assert.equal(history.code, 0, history.stderr);
  assert.match(history.stdout, /^v2 .*Imported from magic-link\.md\n(.*\n)*v1 /);
  const diff = await run('diff', String(magicId), '1', '2');
  assert.equal(diff.code, 0, diff.stderr);
  assert.match(diff.stdout, new RegExp(`^Spec ${magicId}: version 1 → 2\n`));
  assert.match(diff.stdout, /\+One more line\./);
});

test('--database-url selects the team database too, and wins over the environment', async (t) => {
  const own = await acquireDatabase('cli_specs_flag');
  t.after(() => own.release());
  const home = tempDir(t);
  const source = tempDir(t, 'specbench-samples-copy-');
  writeFileSync(join(source, 'audit-log-export.md'), readFileSync(join(samplesDir, 'audit-log-export.md')));
  const run = cli(home, { SPECBENCH_DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none' });
  const imported = await run('specs', 'import', source, '--database-url', own.url);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /^Imported 1 spec\./);
  const text = await run('specs', 'list', '--database-url', own.url, '--title', 'audit');
  assert.match(text.stdout, /Audit Log Export\s+in review/);
});

test('an unreachable database exits 1 naming the host and the reason, never the password', async (t) => {
  // A port nobody listens on: bind one, note it, close it.
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = server.address() as { port: number };
      server.close(() => resolve(p));
    });
  });
  const run = cli(tempDir(t), { SPECBENCH_DATABASE_URL: `postgres://team:hunter2@127.0.0.1:${port}/specbench` });
  for (const argv of [['specs', 'list'], ['specs', 'import', tempDir(t)], ['specs', 'export', '1']]) {
    const started = Date.now();
    const failed = await run(...argv);
    assert.equal(failed.code, 1, failed.stderr);
    assert.match(failed.stderr, new RegExp(`^specbench specs: the database at 127\\.0\\.0\\.1:${port}/specbench cannot be reached: connection refused`));
    assert.doesNotMatch(failed.stderr + failed.stdout, /hunter2/);
    assert.ok(Date.now() - started < 10_000);
  }
});

test('a malformed database URL is a usage error (exit 2) that does not echo it', async (t) => {
  const run = cli(tempDir(t));
  const failed = await run('specs', 'list', '--database-url', 'mysql://u:topsecret@host/db');
  assert.equal(failed.code, 2);
  assert.match(failed.stderr, /--database-url must be a postgres:\/\/ or postgresql:\/\/ URL/);
  assert.doesNotMatch(failed.stderr, /topsecret/);
  const fromEnv = await cli(tempDir(t), { SPECBENCH_DATABASE_URL: 'not a url' })('specs', 'list');
  assert.equal(fromEnv.code, 2);
  assert.match(fromEnv.stderr, /SPECBENCH_DATABASE_URL must be a postgres/);
});
