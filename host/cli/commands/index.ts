import type { CliCommand } from '../command.js';
import { parseCommand } from './parse.js';

/**
 * Every `specbench` subcommand, in the order `--help` lists them.
 * Adding a command: one module in this folder exporting a `CliCommand`, one line here.
 */
export const commands: CliCommand[] = [
  parseCommand,
];
