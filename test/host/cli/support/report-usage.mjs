// Preloaded with `node --import` into a CLI run: when the process exits (however it exits),
// writes to $SPECBENCH_USAGE_REPORT its whole peak resident set (KB, from getrusage: Node itself
// included) and the milliseconds from this preload to the exit (loading the CLI and running the
// command, without Node's own start-up, which on a loaded machine says nothing about the CLI).
// Plain JavaScript so the measurement adds no compiler to what it measures.
import { writeFileSync } from 'node:fs';

const target = process.env.SPECBENCH_USAGE_REPORT;
const started = performance.now();
if (target) {
  process.on('exit', () => writeFileSync(target, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, ms: performance.now() - started })));
}
