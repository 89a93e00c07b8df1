import { formatHunks } from '../../../core/diff/line-diff.js';
import type { SpecDiff } from '../../../core/diff/types.js';
import { formatFlag, parseArgs } from '../../common/args.js';
import { UsageError } from '../../common/usage-error.js';
import type { CliCommand } from '../command.js';
import { cliDatabaseUrl, positiveInt, withCliPgStore, withCliStore } from '../store-access.js';
import { commandInfo } from './index.js';

function diffText(diff: SpecDiff, header: string, withLines: boolean): string {
  const out = [header];
  if (diff.description.length === 0) out.push('No changes.');
  for (const line of diff.description) out.push(`  ${line}`);
  if (withLines) {
    for (const section of diff.sections) {
      if (section.change === 'unchanged') continue;
      out.push('', `## ${section.heading} (${section.change})`, formatHunks(section.hunks));
    }
  }
  return `${out.join('\n')}\n`;
}

export const diffCommand: CliCommand = {
  ...commandInfo('diff'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['format', 'context', 'database-url'], booleans: ['summary'] });
    const format = formatFlag(args, ['text', 'json'] as const, 'text');
    if (args.positionals.length !== 3) throw new UsageError('expected a spec id and two version numbers: specbench diff <spec-id> <v1> <v2>');
    const [id, from, to] = [positiveInt(args.positionals[0], 'spec id'), positiveInt(args.positionals[1], 'from-version'), positiveInt(args.positionals[2], 'to-version')];
    const context = args.flags.has('context') ? Number(args.flags.get('context')) : 3;
    if (!Number.isInteger(context) || context < 0 || context > 100) throw new UsageError('--context must be a whole number from 0 to 100');
    const url = cliDatabaseUrl(args.flags.get('database-url'), io);
    const diff = url ? await withCliPgStore(url, (store) => store.specs.diffVersions(id, from, to, context)) : await withCliStore(io, (store) => store.diffVersions(id, from, to, context));
    io.stdout(
      format === 'json'
        ? `${JSON.stringify({ specId: id, from, to, ...diff }, null, 2)}\n`
        : diffText(diff, `Spec ${id}: version ${from} → ${to}`, !args.flags.has('summary')),
    );
    return 0;
  },
};
