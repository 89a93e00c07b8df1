// Preloaded with `node --import` into a CLI run: when the process exits (however it exits),
// writes its whole peak resident set (KB, from getrusage) to $SPECBENCH_MAX_RSS_REPORT, so a
// test can bound the total memory of the real process, Node itself included. Plain JavaScript
// so the measurement adds no compiler to what it measures.
import { writeFileSync } from 'node:fs';

const target = process.env.SPECBENCH_MAX_RSS_REPORT;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
