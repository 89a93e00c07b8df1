import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSpec } from '../../core/markdown/parse.js';
import { serializeSpec } from '../../core/markdown/serialize.js';
import { samplesDir } from '../../host/paths.js';
import { generateSpec } from './generate-spec.js';
import { measure, report } from './measure.js';

// NFR-3 of the foundation: parse + serialize, median of many runs. Targets: sample < 2 ms, 1 MB < 100 ms.
const sample = readFileSync(join(samplesDir, 'magic-link.md'), 'utf8');
const big = generateSpec(1024 * 1024);

const roundTrip = (text: string) => () => {
  if (serializeSpec(parseSpec(text)) !== text) throw new Error('round trip changed the text');
};

report('parse + serialize', [
  measure(`samples/magic-link.md (${(sample.length / 1024).toFixed(1)} kB)`, roundTrip(sample), { runs: 200, targetMs: 2 }),
  measure(`generated spec (${(big.length / 1024 / 1024).toFixed(2)} MB, ${big.split('\n').length} lines)`, roundTrip(big), { runs: 15, targetMs: 100 }),
]);
