import { describe, it } from 'node:test';
import { parseSpec } from '../../../core/markdown/parse.js';
import { summarizeSpec } from '../../../core/spec/summary.js';
import { expectJson, fixtureCases } from '../../support/fixtures.js';

// test/fixtures/parse/<case>/input.md → expected.json (the layout: test/support/fixtures.ts).
describe('parse fixtures', () => {
  for (const fixture of fixtureCases('parse')) {
    it(fixture.name, () => {
      expectJson(fixture, summarizeSpec(parseSpec(fixture.read('input.md'))));
    });
  }
});
