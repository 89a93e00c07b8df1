import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { parseSpec } from '../../../core/markdown/parse.js';
import { HostError } from '../../../host/common/host-error.js';
import { ComputePool } from '../../../host/compute/compute-pool.js';

const SPEC = '# Small spec\n\n## Acceptance Criteria\n\n- **AC-1:** When the user signs in, the page shows 3 items.\n';
/** Adversarial emphasis: the parser's cost grows faster than the text (issue 10, context 3). */
const HOSTILE = '*a'.repeat(50_000);

async function tooComplex(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.then(
    () => assert.fail('expected TOO_COMPLEX'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof HostError, String(error));
  assert.equal(error.code, 'TOO_COMPLEX');
  return error;
}

describe('compute pool (issue 10 FR-1)', () => {
  const pool = new ComputePool({ size: 2, budgetMs: 3000 });
  after(() => pool.dispose());

  it('stops a job past its budget naming the stage, replaces the worker, and runs the next job', async () => {
    const started = performance.now();
    const error = await tooComplex(pool.run('analyze', { markdown: HOSTILE, lint: true }));
    const elapsed = performance.now() - started;
    assert.match(error.message, /^document too complex: parse stopped because it took longer than 3 s/);
    // The budget starts when a worker picks the job up; booting a worker under tsx comes on top.
    assert.ok(elapsed < 3000 + 15_000, `answered after ${Math.round(elapsed)} ms`);
    const analysis = await pool.run('analyze', { markdown: SPEC, lint: true });
    assert.equal(analysis.title, 'Small spec');
    assert.equal(analysis.counts.ac, 1);
    assert.equal(typeof analysis.readiness, 'number');
  });

  it('keeps answering other jobs while one worker is stuck', async () => {
    const stuck = tooComplex(pool.run('analyze', { markdown: HOSTILE, lint: false }));
    const diff = await pool.run('diff', { before: SPEC, after: SPEC.replace('3 items', '4 items') });
    assert.ok(diff.description.some((line) => line.includes('AC-1')), JSON.stringify(diff.description));
    await stuck;
  });

  it('hands back the same document the parser gives in-process (samples)', async () => {
    for (const name of ['magic-link.md', 'magic-link-draft.md', 'audit-log-export.md']) {
      const markdown = readFileSync(new URL(`../../../samples/${name}`, import.meta.url), 'utf8');
      assert.deepEqual(await pool.run('parse', { markdown }), parseSpec(markdown), name);
    }
  });

  it('names the stage of a diff that cannot parse its input', async () => {
    const error = await tooComplex(pool.run('diff', { before: SPEC, after: HOSTILE }));
    assert.match(error.message, /^document too complex: parse /);
  });

  it('refuses a result over the output cap', async () => {
    const small = new ComputePool({ size: 1, maxOutputChars: 200 });
    try {
      const error = await tooComplex(small.run('parse', { markdown: SPEC }));
      assert.match(error.message, /result \([\d,]+ characters\) is over the 200-character cap/);
    } finally {
      await small.dispose();
    }
  });

  it('fails queued and running jobs with SHUTTING_DOWN on dispose, and every later one', async () => {
    const short = new ComputePool({ size: 1 });
    const running = short.run('analyze', { markdown: HOSTILE, lint: false });
    const queued = short.run('parse', { markdown: SPEC });
    const outcomes = Promise.allSettled([running, queued]);
    await short.dispose();
    const later = await Promise.allSettled([short.run('parse', { markdown: SPEC })]);
    for (const outcome of [...(await outcomes), ...later]) {
      assert.equal(outcome.status, 'rejected');
      assert.ok(outcome.reason instanceof HostError && outcome.reason.code === 'SHUTTING_DOWN', String(outcome.reason));
    }
  });
});
