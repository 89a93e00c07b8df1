import { parseArgs } from 'node:util';
import { runTarget, type FuzzTarget } from './support/harness.js';
import { cliTarget } from './targets/cli.js';
import { linterTarget, parserTarget } from './targets/core.js';
import { embeddedServerTarget } from './targets/embedded-server.js';
import { handlersTarget } from './targets/handlers.js';

/**
 * `npm run fuzz -- --seconds N [--target NAME] [--seed S] [--scale test|fuzz]`: each target for N
 * seconds at full size (10,000 items, 20,000-long runs), printing cases tried and failures per
 * target. Exit 0 when no target failed, 1 otherwise, 2 for bad arguments.
 */
const TARGETS: FuzzTarget[] = [parserTarget, linterTarget, cliTarget, handlersTarget, embeddedServerTarget];

let values;
try {
  ({ values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, target: { type: 'string', multiple: true }, seed: { type: 'string' }, scale: { type: 'string', default: 'fuzz' }, verbose: { type: 'boolean' } } }));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
const seconds = Number(values.seconds);
const scale = values.scale;
if (!(Number.isFinite(seconds) && seconds > 0) || (scale !== 'test' && scale !== 'fuzz')) {
  process.stderr.write('usage: npm run fuzz -- --seconds N [--target NAME]… [--seed S] [--scale test|fuzz] [--verbose]\n');
  process.exit(2);
}
const chosen = values.target ? TARGETS.filter((t) => values.target!.includes(t.name)) : TARGETS;
if (chosen.length === 0) {
  process.stderr.write(`unknown target; targets: ${TARGETS.map((t) => t.name).join(', ')}\n`);
  process.exit(2);
}

let failed = 0;
for (const target of chosen) {
  const report = await runTarget(target, { seconds, scale, seed: values.seed === undefined ? undefined : Number(values.seed) });
  failed += report.failures.length;
  process.stdout.write(`${report.name.padEnd(16)} cases ${String(report.cases).padStart(7)}  failures ${report.failures.length}  (seed ${report.seed})\n`);
  if (values.verbose && report.summary) process.stdout.write(`  ${report.summary}\n`);
  for (const failure of report.failures) process.stdout.write(`  FAIL ${failure}\n`);
}
process.stdout.write(`total failures: ${failed}\n`);
process.exitCode = failed === 0 ? 0 : 1;
