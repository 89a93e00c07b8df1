/**
 * NFR-2: prints the three lint timings (median of many runs) —
 *   1. samples/magic-link.md                          target < 3 ms
 *   2. a generated spec with 1,000 ACs and 300 FRs    target < 150 ms
 *   3. re-lint after a one-character edit in it       target < 16 ms (per-item cache)
 *   4. issue 11 AC-6: 5,000 criteria with numbers     target < 1 s (cold: every item linted), report < 5 MB
 * Parsing is timed separately for reference: it belongs to the parser, not to the linter.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createLintCache, lintSpec, toLintJson } from '../../core/lint/index.js';
import { parseSpec } from '../../core/markdown/parse.js';
import type { SpecDocument } from '../../core/spec/model.js';
import { generateCrossSpec } from './generate-cross-spec.js';
import { generateSpec } from './generate-spec.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function time(runs: number, warmup: number, fn: (i: number) => void): number {
  for (let i = 0; i < warmup; i++) fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const verdict = (ms: number, target: number) => (ms < target ? `OK (target < ${target} ms)` : `OVER (target < ${target} ms)`);

const sampleSource = readFileSync(new URL('../../samples/magic-link.md', import.meta.url), 'utf8');
const sampleDoc = parseSpec(sampleSource);
const sampleLint = time(300, 50, () => lintSpec(sampleDoc));
const sampleParse = time(100, 20, () => parseSpec(sampleSource));

const bigSource = generateSpec(0, { frs: 300, acs: 1000 });
const bigDoc = parseSpec(bigSource);
const items = bigDoc.sections.reduce((n, s) => n + s.items.length, 0);
const bigLint = time(15, 3, () => lintSpec(bigDoc));
const bigParse = time(5, 1, () => parseSpec(bigSource));

// One cache, as the editor keeps per open document; each run edits one character of a
// different criterion, so exactly one item misses the cache.
const cache = createLintCache();
lintSpec(bigDoc, { cache });
const acs = bigDoc.sections.find((s) => s.key === 'acceptance')!.items;
const edited: SpecDocument[] = [];
for (let i = 0; i < 60; i++) {
  const ac = acs[(i * 37) % acs.length];
  const section = bigDoc.sections.find((s) => s.key === 'acceptance')!;
  const at = section.bodyStart + ac.start + Math.floor(ac.text.length / 2);
  edited.push(parseSpec(`${bigSource.slice(0, at)}x${bigSource.slice(at)}`));
}
const missesBefore = cache.misses;
const incremental = time(50, 10, (i) => lintSpec(edited[i % edited.length], { cache }));
const missesPerRun = (cache.misses - missesBefore) / 60;

console.log('specbench lint — NFR-2 (median of runs)');
console.log(`1. samples/magic-link.md:                      ${fmt(sampleLint).padStart(10)}  ${verdict(sampleLint, 3)}   [parse ${fmt(sampleParse)}]`);
console.log(`2. generated spec, 1,000 ACs + 300 FRs (${items} items): ${fmt(bigLint).padStart(10)}  ${verdict(bigLint, 150)}   [parse ${fmt(bigParse)}]`);
console.log(`3. incremental re-lint after a 1-char edit:    ${fmt(incremental).padStart(10)}  ${verdict(incremental, 16)}   [${missesPerRun.toFixed(1)} items re-linted per run: the edited one and the one restored from the previous edit]`);

// Issue 11 AC-6 / FR-9: 5,000 criteria whose numbers the cross-section rules compare.
const crossDoc = parseSpec(generateCrossSpec({ count: 5000 }));
const crossCold = time(5, 1, () => lintSpec(crossDoc));
const crossCache = createLintCache();
lintSpec(crossDoc, { cache: crossCache });
const crossOnly = time(5, 1, () => lintSpec(crossDoc, { cache: crossCache }));
const crossBytes = new TextEncoder().encode(JSON.stringify(toLintJson('generated.md', lintSpec(crossDoc)), null, 2)).length;
console.log(`4. 5,000 criteria with numbers (cold):          ${fmt(crossCold).padStart(10)}  ${verdict(crossCold, 1000)}   [cross-section pass alone ${fmt(crossOnly)}; JSON report ${(crossBytes / 1024 / 1024).toFixed(2)} MB, target < 5 MB]`);
