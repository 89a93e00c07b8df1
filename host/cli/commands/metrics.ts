import { metricsCsv, metricsText } from '../../../core/flow/metrics-format.js';
import { formatFlag, parseArgs, stringFlag } from '../../common/args.js';
import { UsageError } from '../../common/usage-error.js';
import type { CliCommand } from '../command.js';
import { withDecisions } from '../decision-access.js';
import { commandInfo } from './index.js';

export const metricsCommand: CliCommand = {
  ...commandInfo('metrics'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['format', 'since'] });
    const format = formatFlag(args, ['text', 'json', 'csv'] as const, 'text');
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const since = stringFlag(args, 'since');
    if (since !== undefined && Number.isNaN(Date.parse(since))) throw new UsageError(`--since must be a date such as 2026-11-01, got "${since}"`);
    const metrics = await withDecisions(io, ({ flow }) => flow.metrics(since));
    io.stdout(format === 'json' ? `${JSON.stringify(metrics, null, 2)}\n` : format === 'csv' ? metricsCsv(metrics) : metricsText(metrics));
    return 0;
  },
};
