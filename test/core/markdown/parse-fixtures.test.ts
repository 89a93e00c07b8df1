import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseSpec } from '../../../core/markdown/parse.js';
import { summarizeSpec } from '../../../core/spec/summary.js';
import { appRoot } from '../../../host/paths.js';

// remark's habit: each input has an expected output beside it. `UPDATE=1` rewrites the
// expectations on purpose; a normal run never writes them.
const dir = join(appRoot, 'test', 'fixtures', 'parse');

describe('parse fixtures', () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    it(name, () => {
      const source = readFileSync(join(dir, name), 'utf8');
      const actual = summarizeSpec(parseSpec(source));
      const expectedPath = join(dir, name.replace(/\.md$/, '.json'));
      if (process.env.UPDATE === '1') writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      const expected: unknown = JSON.parse(readFileSync(expectedPath, 'utf8'));
      assert.deepEqual(actual, expected);
    });
  }
});
