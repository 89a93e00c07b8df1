import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { appRoot } from '../../host/paths.js';

/**
 * The one fixture layout (remark's habit): `test/fixtures/<set>/<case>/` holds the input
 * (`input.md`, or `before.md` + `after.md` for diffs), the expected output (`expected.json`) and
 * an optional `config.json`. A normal run never writes; `UPDATE=1` rewrites the expected files
 * on purpose (review the diff before committing it).
 */
export const fixturesRoot = join(appRoot, 'test', 'fixtures');

export const updating = process.env.UPDATE === '1';

export interface FixtureCase {
  /** The folder name, used as the test name. */
  name: string;
  dir: string;
  /** A file of the case, as UTF-8 text. */
  read(file: string): string;
  /** The case's `config.json`, or undefined when it has none. */
  configText: string | undefined;
  configPath: string;
}

/** Every case of a set, sorted by name. */
export function fixtureCases(set: string): FixtureCase[] {
  const root = join(fixturesRoot, set);
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = join(root, name);
      const configPath = join(dir, 'config.json');
      return {
        name,
        dir,
        read: (file: string) => readFileSync(join(dir, file), 'utf8'),
        configText: existsSync(configPath) ? readFileSync(configPath, 'utf8') : undefined,
        configPath,
      };
    });
}

/**
 * Asserts that `actual`, written as 2-space JSON with a final newline, is exactly the case's
 * expected file (`expected.json` unless named); with `UPDATE=1` writes it first.
 */
export function expectJson(fixture: FixtureCase, actual: unknown, file = 'expected.json'): void {
  const path = join(fixture.dir, file);
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (updating) writeFileSync(path, text);
  assert.ok(existsSync(path), `${relative(appRoot, path)} is missing: run with UPDATE=1 to create it`);
  assert.equal(text, readFileSync(path, 'utf8'));
}
