// NFR-2 of issue 13: `npm run bench:review-anchors` prints how long re-anchoring 1,000 comments
// takes (1) after a one-character edit of a spec, (2) after loading a new version of a 200 KB
// spec with reworded, inserted and deleted requirements. Medians; prints, never fails.
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { createSelector, indexDocument, reanchor, shiftSelector, type TextEdit, type TextSelector } from '../../core/comments/index.js';
import { appRoot } from '../../host/paths.js';
import { generateSpec } from './generate-spec.js';

const COMMENTS = 1000;
const REPS = Number(process.env.BENCH_REPS ?? 30);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Deterministic pseudo-random numbers, so every run measures the same comments. */
function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** 1,000 selections of 12–80 characters, a third of them whole requirements, spread over the text. */
function comments(text: string): TextSelector[] {
  const index = indexDocument(text);
  const next = rng(42);
  const result: TextSelector[] = [];
  while (result.length < COMMENTS) {
    if (result.length % 3 === 0 && index.ranges.length) {
      const r = index.ranges[Math.floor(next() * index.ranges.length)];
      result.push(createSelector(index, r.start, r.end));
      continue;
    }
    const start = Math.floor(next() * (text.length - 100));
    const end = start + 12 + Math.floor(next() * 68);
    if (text.slice(start, end).trim()) result.push(createSelector(index, start, end));
  }
  return result;
}

function run(label: string, before: string, after: string, edit?: TextEdit): void {
  const original = comments(before);
  const times: number[] = [];
  let attached = 0;
  let ambiguous = 0;
  for (let i = 0; i < REPS + 3; i++) {
    const start = performance.now();
    const index = indexDocument(after);
    // After an edit the editor knows where it happened and moves the comments after it (as Monaco moves decorations).
    const selectors = edit ? original.map((s) => shiftSelector(s, edit)) : original;
    attached = 0;
    ambiguous = 0;
    for (const s of selectors) {
      const placed = reanchor(s, index);
      if (placed.status === 'attached') attached++;
      else if (placed.reason === 'ambiguous') ambiguous++;
    }
    if (i >= 3) times.push(performance.now() - start);
  }
  const kb = (after.length / 1024).toFixed(0);
  console.log(`${label.padEnd(58)} ${kb.padStart(4)} KB  ${median(times).toFixed(1).padStart(7)} ms median  (${attached}/${COMMENTS} attached, ${COMMENTS - attached} outdated of which ${ambiguous} ambiguous)`);
}

const sample = readFileSync(join(appRoot, 'samples', 'magic-link.md'), 'utf8');
const mid = sample.indexOf('15 minutes');
run('1,000 comments after a one-character edit (magic-link sample)', sample, `${sample.slice(0, mid)}X${sample.slice(mid)}`, { start: mid, end: mid, inserted: 1 });

const big = generateSpec(200 * 1024);
const bigMid = Math.floor(big.length / 2);
run('1,000 comments after a one-character edit (200 KB spec)', big, `${big.slice(0, bigMid)}X${big.slice(bigMid)}`, { start: bigMid, end: bigMid, inserted: 1 });

// A new version: every 10th FR reworded, 20 criteria inserted near the top, every 25th AC deleted, the Context rewritten.
const next = big
  .replace(/(- \*\*FR-\d*0:\*\* When a client calls)/g, '$1 (authenticated)')
  .replace('### Happy Path\n', `### Happy Path\n${Array.from({ length: 20 }, (_, i) => `- **AC-${9000 + i}:** Given a new case ${i}, when it runs, then the status is 200.\n`).join('')}`)
  .replace(/- \*\*AC-\d*(25|50|75|00):\*\*[^\n]*\n/g, '')
  .replace('The service is an Express API on PostgreSQL. ', 'The service is a Fastify API on PostgreSQL 16. ');
run('1,000 comments after loading a new version (200 KB spec)', big, next);
console.log(`Machine load ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores (figures scale with it). Outdated comments in the 200 KB spec lie in its generated appendix, one paragraph repeated hundreds of times: no single copy can be told apart, so they are not guessed.`);
console.log('NFR-2 targets: after an edit < 50 ms; after loading a new version of a 200 KB spec < 200 ms.');
