import assert from 'node:assert/strict';
import { lintSpec } from '../../../core/lint/index.js';
import { parseSpec } from '../../../core/markdown/parse.js';
import type { SpecDocument } from '../../../core/spec/model.js';
import { ComputePool } from '../../../host/compute/compute-pool.js';
import { serializeSpec } from '../../../core/markdown/serialize.js';
import { adversarialText, type Scale } from '../support/adversarial.js';
import { timed, withinBudget, type FuzzTarget } from '../support/harness.js';

/**
 * Per-case budgets. The parser is superlinear on long emphasis runs (issue 10, item 3), so the
 * host never parses user text on its request path: it parses in the compute pool, which stops a
 * job past its budget with "document too complex: parse". This target checks exactly that path:
 * every input gives a parse that round-trips, or that clear error, within the budget.
 */
const budgetMs = (scale: Scale): number => (scale === 'test' ? 2_000 : 5_000);
/** Time for a worker to start and a terminated one to be replaced, beyond the job's own budget. */
const POOL_SLACK_MS = 3_000;

export const parserTarget: FuzzTarget = {
  name: 'parser',
  async setup(scale) {
    const pool = new ComputePool({ size: 1, budgetMs: budgetMs(scale) });
    let tooComplex = 0;
    return {
      input: adversarialText(scale),
      async check(input) {
        const source = input as string;
        const outcome = await withinBudget(
          pool.run('parse', { markdown: source }).then(
            (doc) => ({ doc }),
            (error: unknown) => ({ error }),
          ),
          budgetMs(scale) + POOL_SLACK_MS,
          `parse of ${source.length} chars`,
        );
        if ('error' in outcome) {
          const error = outcome.error as { code?: string; message?: string };
          assert.equal(error.code, 'TOO_COMPLEX', `parse failed without a clear error: ${String(error.message ?? error)}`);
          assert.match(String(error.message), /^document too complex: parse/);
          tooComplex++;
          return;
        }
        const doc = outcome.doc as SpecDocument;
        assert.ok(Array.isArray(doc.sections) && Array.isArray(doc.diagnostics));
        // Sections are slices of the source: whatever the input, nothing is lost or invented.
        assert.equal(serializeSpec(doc), source, 'parse → serialize returns the input');
      },
      summary: () => `${tooComplex} input(s) refused as "document too complex: parse"`,
      teardown: () => pool.dispose(),
    };
  },
};

export const linterTarget: FuzzTarget = {
  name: 'linter',
  async setup(scale) {
    return {
      input: adversarialText(scale),
      check(input) {
        const source = input as string;
        const doc = parseSpec(source);
        const report = timed(() => lintSpec(doc), budgetMs(scale), `lintSpec of ${source.length} chars`);
        assert.ok(Array.isArray(report.items) && Array.isArray(report.crossFindings));
        assert.ok(report.readiness.score >= 0 && report.readiness.score <= 100, `readiness ${report.readiness.score} is within 0–100`);
        assert.doesNotThrow(() => JSON.stringify(report), 'the report serialises');
      },
    };
  },
};
