import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseLintConfig, resolveLintConfig } from '../../../core/lint/config/config.js';
import { lintSpec, toLintJson } from '../../../core/lint/index.js';
import { parseSpec } from '../../../core/markdown/parse.js';
import { appRoot } from '../../../host/paths.js';
import { expectJson, fixtureCases, type FixtureCase } from '../../support/fixtures.js';

/**
 * Input/expected pairs (the layout: test/support/fixtures.ts). Each case of test/fixtures/lint is
 * `input.md` linted with its optional `config.json` (a `.specbench.json`); each sample in
 * samples/ is linted as it stands and compared with test/fixtures/lint-samples/<name>/expected.json.
 */
function lintJson(file: string, markdown: string, fixture: FixtureCase) {
  const config = fixture.configText === undefined ? undefined : resolveLintConfig(parseLintConfig(fixture.configText, fixture.configPath));
  return toLintJson(file, lintSpec(parseSpec(markdown), config ? { config } : {}));
}

for (const fixture of fixtureCases('lint')) {
  test(`lint fixture ${fixture.name}`, () => {
    expectJson(fixture, lintJson(`${fixture.name}.md`, fixture.read('input.md'), fixture));
  });
}

for (const fixture of fixtureCases('lint-samples')) {
  test(`lint fixture samples/${fixture.name}.md`, () => {
    const file = `samples/${fixture.name}.md`;
    expectJson(fixture, lintJson(file, readFileSync(join(appRoot, file), 'utf8'), fixture));
  });
}
