import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { lintSpec, toLintJson } from '../../../core/lint/index.js';
import { parseSpec } from '../../../core/markdown/parse.js';

/**
 * Input/expected pairs: each spec in test/fixtures/lint (and each sample) is linted and
 * compared with its `.expected.json`. `UPDATE=1` rewrites the expectations on purpose;
 * review the diff before committing it.
 */
const fixtures = fileURLToPath(new URL('../../fixtures/lint/', import.meta.url));
const samples = fileURLToPath(new URL('../../../samples/', import.meta.url));
const update = process.env.UPDATE === '1';

const cases = [
  ...readdirSync(fixtures)
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ name: f, input: `${fixtures}${f}`, expected: `${fixtures}${f.replace(/\.md$/, '.expected.json')}` })),
  ...readdirSync(samples)
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ name: `samples/${f}`, input: `${samples}${f}`, expected: `${fixtures}sample-${f.replace(/\.md$/, '.expected.json')}` })),
];

for (const c of cases) {
  test(`lint fixture ${c.name}`, () => {
    const actual = `${JSON.stringify(toLintJson(c.name, lintSpec(parseSpec(readFileSync(c.input, 'utf8')))), null, 2)}\n`;
    if (update) writeFileSync(c.expected, actual);
    assert.ok(existsSync(c.expected), `${c.expected} is missing: run with UPDATE=1 to create it`);
    assert.equal(actual, readFileSync(c.expected, 'utf8'));
  });
}
