import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliCommand, CliIo } from '../../../host/cli/command.js';
import { commentsCommand } from '../../../host/cli/commands/comments.js';
import { roundCommand } from '../../../host/cli/commands/round.js';
import { describeFailure } from '../../../host/cli/failure.js';
import { defaultDataDir } from '../../../host/paths.js';
import { ReviewThreadService } from '../../../host/review-threads/service.js';
import { openSpecStore } from '../../../host/store/spec-store.js';
import { sample, tempDir } from '../store/helpers.js';

function cli(home: string) {
  return async (command: CliCommand, ...argv: string[]) => {
    let stdout = '';
    const io: CliIo = { stdout: (s) => (stdout += s), stderr: () => undefined, cwd: home, env: { SPECBENCH_HOME: home } };
    try {
      return { code: await command.run(argv, io), stdout, message: '' };
    } catch (error) {
      const failure = describeFailure(error);
      return { code: failure.exitCode, stdout, message: failure.message };
    }
  };
}

/** A library with the magic-link spec linked to a file, two threads (one resolved) and a reviewer's verdict. */
async function seed(t: Parameters<typeof tempDir>[0]) {
  const home = tempDir(t);
  const file = join(tempDir(t, 'specbench-files-'), 'magic-link.md');
  writeFileSync(file, sample('magic-link.md'));
  const store = openSpecStore(defaultDataDir({ SPECBENCH_HOME: home }));
  const created = await store.createSpecForFile({ source: { kind: 'markdown', markdown: sample('magic-link.md'), fileName: 'magic-link.md' } }, file);
  const reviews = new ReviewThreadService(store);
  reviews.setProfile({ name: 'Priya Author', email: 'priya@example.com' });
  reviews.addReviewer(created.spec.id, { name: 'Priya Author', email: 'priya@example.com' });
  const text = sample('magic-link.md');
  const a = text.indexOf('used_at is already set');
  reviews.addThread({ specId: created.spec.id, start: a, end: a + 22, body: 'which status on a race?', severity: 'blocking', pending: false });
  const b = text.indexOf('crypto.randomBytes(32)');
  const done = reviews.addThread({ specId: created.spec.id, start: b, end: b + 22, body: 'fine', severity: 'non-blocking', pending: false });
  reviews.resolve(done.id);
  reviews.submitReview(created.spec.id, 'request-changes');
  store.close();
  return { home, file, specId: created.spec.id };
}

test('comments list by spec id or by file, --open, text and json', async (t) => {
  const { home, file, specId } = await seed(t);
  const run = cli(home);
  const all = JSON.parse((await run(commentsCommand, 'list', String(specId), '--format', 'json')).stdout);
  assert.equal(all.threads.length, 2);
  const open = JSON.parse((await run(commentsCommand, 'list', String(specId), '--open', '--format', 'json')).stdout);
  assert.deepEqual(open.threads.map((x: { selector: { exact: string } }) => x.selector.exact), ['used_at is already set']);

  // The file was edited on disk: threads are placed in its current text, and a deleted quote is outdated.
  writeFileSync(file, sample('magic-link.md').replace('used_at is already set', 'was verified before'));
  const text = (await run(commentsCommand, 'list', file)).stdout;
  assert.match(text, /OUTDATED \(from v1\)\s+\[blocking, open\]\s+"used_at is already set"/);
  assert.match(text, /NFR-1\s+\[non-blocking, resolved\]\s+"crypto.randomBytes\(32\)"/);
  assert.match(text, /Priya Author\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+which status on a race\?/);

  const usage = await run(commentsCommand, 'list');
  assert.equal(usage.code, 2);
});

test('comments export and import (twice: no change), round status; a newer package exits 2', async (t) => {
  const { home, specId } = await seed(t);
  const out = join(tempDir(t, 'specbench-pkg-'), 'review.specreview');
  const exported = await cli(home)(commentsCommand, 'export', String(specId), '--out', out);
  assert.deepEqual([exported.code, exported.stdout], [0, `wrote ${out} (2 threads)\n`]);

  const other = cli(tempDir(t));
  const first = await other(commentsCommand, 'import', out);
  assert.equal(first.stdout, 'spec 1: 2 threads, 2 comments added, 0 updated, 0 conflicts, 1 verdicts, 1 reviewers\n');
  const second = await other(commentsCommand, 'import', out);
  assert.equal(second.stdout, 'spec 1: 0 threads, 0 comments added, 0 updated, 0 conflicts, 0 verdicts, 0 reviewers\n');

  const status = JSON.parse((await other(roundCommand, 'status', '1', '--format', 'json')).stdout);
  assert.deepEqual([status.openBlocking, status.reviewers[0].verdict, status.reviewers[0].stale], [1, 'request-changes', false]);
  const text = (await other(roundCommand, 'status', '1')).stdout;
  assert.match(text, /Priya Author <priya@example.com>\s+request-changes\s+v1\s+current/);
  assert.match(text, /open threads: 1, blocking: 1, outdated: 0/);

  const newer = join(tempDir(t, 'specbench-pkg-'), 'newer.specreview');
  writeFileSync(newer, JSON.stringify({ ...JSON.parse(readFileSync(out, 'utf8')), schemaVersion: 7 }));
  const refused = await other(commentsCommand, 'import', newer);
  assert.equal(refused.code, 2);
  assert.match(refused.message, /schema 7, newer than the 1 this Specbench reads/);
  assert.equal((await other(roundCommand, 'status')).code, 2);
});
