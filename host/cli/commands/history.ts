import type { VersionInfo } from '../../../core/contract/ops/versions.js';
import { changeLinesOf } from '../../../core/diff/describe.js';
import { formatFlag, parseArgs } from '../../common/args.js';
import { UsageError } from '../../common/usage-error.js';
import type { CliCommand } from '../command.js';
import { cliDatabaseUrl, positiveInt, shortTime, withCliPgStore, withCliStore } from '../store-access.js';
import { commandInfo } from './index.js';

function historyText(versions: VersionInfo[]): string {
  const lines: string[] = [];
  for (const v of versions) {
    const restored = v.restoredFrom ? `  (restored from v${v.restoredFrom})` : '';
    const message = v.message ? `  ${v.message}` : '';
    lines.push(`v${v.number}  ${shortTime(v.createdAt)}  ${v.author}${message}${restored}`);
    const described = changeLinesOf(v);
    const changes = v.changes === null ? ['first version'] : described.length ? described : ['no change in sections, requirements or rows'];
    for (const c of changes) lines.push(`    ${c}`);
  }
  return `${lines.join('\n')}\n`;
}

export const historyCommand: CliCommand = {
  ...commandInfo('history'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['format', 'database-url'] });
    const format = formatFlag(args, ['text', 'json'] as const, 'text');
    if (args.positionals.length !== 1) throw new UsageError('expected one spec id: specbench history <spec-id>');
    const id = positiveInt(args.positionals[0], 'spec id');
    const url = cliDatabaseUrl(args.flags.get('database-url'), io);
    const versions = url ? await withCliPgStore(url, (store) => store.specs.listVersions(id)) : await withCliStore(io, (store) => store.listVersions(id));
    io.stdout(format === 'json' ? `${JSON.stringify({ specId: id, versions }, null, 2)}\n` : historyText(versions));
    return 0;
  },
};
