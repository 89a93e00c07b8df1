import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSpec } from '../../../core/markdown/parse.js';
import { compareFingerprints, fingerprintSpec, parseFingerprint, serializeFingerprint } from '../../../core/diff/fingerprint.js';
import { diffSpecs } from '../../../core/diff/semantic-diff.js';
import { fixtureCases } from '../../support/fixtures.js';

const root = join(import.meta.dirname, '..', '..', '..');
const texts = [
  ...readdirSync(join(root, 'samples')).map((f) => readFileSync(join(root, 'samples', f), 'utf8')),
  ...fixtureCases('diff').flatMap((fixture) => [fixture.read('before.md'), fixture.read('after.md')]),
  'No headings at all, just - **FR-1:** text',
  '',
];

test('stored fingerprints read back exactly as computed', () => {
  for (const text of texts) {
    const fp = fingerprintSpec(parseSpec(text));
    assert.deepEqual(parseFingerprint(serializeFingerprint(fp)), fp);
    assert.ok(serializeFingerprint(fp).length <= JSON.stringify(fp).length);
  }
});

test('comparing stored fingerprints gives the same summary as the full diff', () => {
  for (let i = 0; i + 1 < texts.length; i++) {
    const [a, b] = [texts[i], texts[i + 1]];
    const stored = compareFingerprints(
      parseFingerprint(serializeFingerprint(fingerprintSpec(parseSpec(a)))),
      parseFingerprint(serializeFingerprint(fingerprintSpec(parseSpec(b)))),
    );
    assert.deepEqual(stored, diffSpecs(a, b).summary);
  }
});
