// npm run bench:validate — the figures of issue 12's NFR-1 and NFR-2. Prints, never asserts.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { DEFECT_NAMES } from '../../embedded-server/defects.js';
import { appRoot } from '../../host/paths.js';
import { loadStepLibrary } from '../../host/validate/steps.js';
import { startVariants } from '../../host/validate/targets.js';
import { compileSpec, mutationRun, runSpec } from '../../host/validate/validate-spec.js';

console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (figures scale with it)`);
const sample = readFileSync(join(appRoot, 'samples/magic-link.md'), 'utf8');
const criteria = compileSpec(sample, loadStepLibrary());
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const median = (v: number[]): number => [...v].sort((a, b) => a - b)[v.length >> 1]!;

{
  const started = performance.now();
  const targets = await startVariants(['correct']);
  const ready = performance.now();
  const results = await runSpec(criteria, targets.urls.get('correct')!);
  const done = performance.now();
  await targets.stop();
  console.log(`NFR-1 sample, embedded server start included: ${s(done - started)} (start ${s(ready - started)}, criteria ${s(done - ready)}; ${results.filter((r) => r.status === 'passed').length}/${results.length} passed; budget 5 s)`);
}

{
  const targets = await startVariants(['correct', 'timing-leak']);
  const runs: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const t0 = performance.now();
    await runSpec(criteria, targets.urls.get('correct')!);
    runs.push(performance.now() - t0);
  }
  const noTiming = criteria.filter((c) => c.id !== 'AC-9');
  const t0 = performance.now();
  await runSpec(noTiming, targets.urls.get('correct')!);
  console.log(`NFR-1 sample, server already running: median ${s(median(runs))} of 3 (without the timing criterion AC-9: ${s(performance.now() - t0)}; budget 1 s)`);
  for (const variant of ['correct', 'timing-leak']) {
    let passed = 0;
    const ts: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const [r] = await runSpec(criteria, targets.urls.get(variant)!, { only: ['AC-9'] });
      if (r!.status === 'passed') passed += 1;
      ts.push(/max \|t\| ([\d.]+)/.exec(r!.notes?.join(' ') ?? r!.message ?? '')?.[1] ?? '?');
    }
    console.log(`NFR-2 AC-9 against ${variant}: passed ${passed}/10 (max |t| per run: ${ts.join(', ')})`);
  }
  await targets.stop();
}

{
  const started = performance.now();
  const targets = await startVariants(['correct', ...DEFECT_NAMES]);
  const ready = performance.now();
  const report = await mutationRun('samples/magic-link.md', criteria, targets.urls);
  const done = performance.now();
  await targets.stop();
  console.log(`NFR-1 mutation run, ${targets.urls.size} variants × ${criteria.length} criteria: ${s(done - started)} (start ${s(ready - started)}; score ${report.score.killed}/${report.score.total}; budget 60 s)`);
}
