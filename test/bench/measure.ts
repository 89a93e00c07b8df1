import { performance } from 'node:perf_hooks';

export interface Measurement {
  label: string;
  medianMs: number;
  p95Ms: number;
  runs: number;
  targetMs?: number;
}

/** Runs `fn` a few times to warm up, then `runs` times, and keeps the median and p95. */
export function measure(label: string, fn: () => void, options: { runs: number; warmup?: number; targetMs?: number }): Measurement {
  for (let i = 0; i < (options.warmup ?? 3); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { label, medianMs: times[Math.floor(times.length / 2)], p95Ms: times[Math.floor(times.length * 0.95)], runs: options.runs, targetMs: options.targetMs };
}

export function report(title: string, rows: Measurement[]): void {
  console.log(title);
  for (const r of rows) {
    const verdict = r.targetMs === undefined ? '' : r.medianMs < r.targetMs ? `  (target < ${r.targetMs} ms: met)` : `  (target < ${r.targetMs} ms: MISSED)`;
    console.log(`  ${r.label}: median ${r.medianMs.toFixed(2)} ms, p95 ${r.p95Ms.toFixed(2)} ms over ${r.runs} runs${verdict}`);
  }
}
