import { resolve } from 'node:path';
import { formatFlag, parseArgs } from '../../common/args.js';
import { UsageError } from '../../common/usage-error.js';
import type { CliCommand } from '../command.js';
import { withCliStore } from '../store-access.js';
import { commandInfo } from './index.js';

export const backupCommand: CliCommand = {
  ...commandInfo('backup'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['format'] });
    const format = formatFlag(args, ['text', 'json'] as const, 'text');
    if (args.positionals.length !== 1) throw new UsageError('expected one target file: specbench backup <file>');
    const result = await withCliStore(io, (store) => store.backup(resolve(io.cwd, args.positionals[0])));
    io.stdout(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : `Backed up to ${result.path} (${result.bytes} bytes)\n`);
    return 0;
  },
};
