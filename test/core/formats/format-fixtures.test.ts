import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseSpec } from '../../../core/markdown/parse.js';
import { serializeSpec } from '../../../core/markdown/serialize.js';
import { summarizeSpec } from '../../../core/spec/summary.js';
import { expectJson, fixtureCases, fixturesRoot } from '../../support/fixtures.js';

// test/fixtures/formats/<format>/<case>/input.md → expected.json (parse summary), written in our own words.
describe('format fixtures', () => {
  for (const format of readdirSync(join(fixturesRoot, 'formats')).sort()) {
    describe(format, () => {
      for (const fixture of fixtureCases(join('formats', format))) {
        it(fixture.name, () => {
          const input = fixture.read('input.md');
          const doc = parseSpec(input);
          assert.equal(serializeSpec(doc), input, 'unedited text round-trips byte for byte');
          for (const crlf of [input.replace(/\n/g, '\r\n')]) assert.equal(serializeSpec(parseSpec(crlf)), crlf);
          expectJson(fixture, summarizeSpec(doc));
        });
      }
    });
  }
});
