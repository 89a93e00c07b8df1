import type { CliIo } from './command.js';
import { describeFailure } from './failure.js';
import { commands, type CommandEntry } from './commands/index.js';

function helpText(all: CommandEntry[]): string {
  const width = Math.max(...all.map((c) => c.name.length), 4);
  return [
    'specbench — write, lint, review and prove technical specs',
    '',
    'Usage: specbench <command> [options]',
    '',
    'Commands:',
    ...all.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `specbench <command> --help` for a command\'s options.',
    '',
  ].join('\n');
}

/** Runs the CLI and resolves to the exit code: 0 ok, 1 findings (lint) or an unusable database, 2 usage or input error. */
export async function runCli(argv: string[], io: CliIo, all: CommandEntry[] = commands): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(all));
    return name ? 0 : 2;
  }
  const entry = all.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`specbench: unknown command "${name}" (commands: ${all.map((c) => c.name).join(', ')})\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${entry.usage.trimEnd()}\n`);
    return 0;
  }
  try {
    // The command's module (and what it imports: SQLite, the Anthropic SDK…) loads only now.
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (error) {
    const failure = describeFailure(error);
    io.stderr(`specbench ${name}: ${failure.message}\n`);
    return failure.exitCode;
  }
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
};
