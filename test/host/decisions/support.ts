import type { CliCommand, CliIo } from '../../../host/cli/command.js';

/** Runs CLI commands against one $SPECBENCH_HOME, collecting their output. */
export function cli(home: string, cwd = home) {
  return async (command: CliCommand, ...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env: { SPECBENCH_HOME: home, SPECBENCH_NO_PROMPT: '1' } };
    const code = await command.run(argv, io);
    return { code, stdout, stderr };
  };
}
