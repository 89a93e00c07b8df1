/** What every CLI subcommand sees of the outside world; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** One `specbench <name>` subcommand. `run` resolves to the process exit code. */
export interface CliCommand {
  name: string;
  /** One line for `specbench --help`. */
  summary: string;
  /** Full usage text for `specbench <name> --help`. */
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}
