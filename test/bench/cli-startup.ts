import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { freshBundle } from '../../host/cli/bundle-select.mjs';
import { appRoot } from '../../host/paths.js';
import { measure, report } from './measure.js';

/** CPU seconds (user + system) of this process's finished children, from /proc on Linux; null elsewhere. */
function childCpuSeconds(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  // Fields after the ")" of the command name: cutime and cstime are the 14th and 15th, in clock ticks (100 Hz).
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/**
 * FR-7 / AC-4: median wall time of `specbench --help` (target < 300 ms) and of `specbench lint` of
 * the sample (target < 250 ms), through bin.mjs as a user runs it, plus the CPU time per run: on a
 * shared machine the wall time mostly measures the queue for a core.
 */
export function benchCliStartup(runs = 9): void {
  const bin = join(appRoot, 'host', 'cli', 'bin.mjs');
  const bundled = freshBundle(appRoot) !== null;
  const cases: Array<{ label: string; argv: string[]; targetMs: number; env?: Record<string, string> }> = [
    { label: 'specbench --help', argv: ['--help'], targetMs: 300 },
    { label: 'specbench lint samples/magic-link.md', argv: ['lint', 'samples/magic-link.md'], targetMs: 250 },
    { label: 'specbench --help (tsx, sources)', argv: ['--help'], targetMs: 300, env: { SPECBENCH_CLI_SOURCE: '1' } },
  ];
  const rows = cases.map(({ label, argv, targetMs, env }) => {
    const before = childCpuSeconds();
    const count = env ? 3 : runs;
    const row = measure(label, () => {
      const result = spawnSync(process.execPath, [bin, ...argv], { cwd: appRoot, env: { ...process.env, ...env }, stdio: 'ignore' });
      if (result.status !== 0) throw new Error(`${label} exited ${result.status}`);
    }, { runs: count, warmup: 1, targetMs });
    const after = childCpuSeconds();
    const cpu = before === null || after === null ? '' : `, CPU ${(((after - before) / (count + 1)) * 1000).toFixed(0)} ms per run`;
    return { ...row, label: `${row.label}${cpu}` };
  });
  report(`CLI start-up (${bundled ? 'bundle dist-cli/specbench.mjs' : 'NO fresh bundle: run npm run build:cli'}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${runs} runs)`, rows);
}
