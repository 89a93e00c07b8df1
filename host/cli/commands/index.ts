import type { CliCommand } from '../command.js';
import { parseCommand } from './parse.js';
import { lintCommand } from './lint.js';
import { specsCommand } from './specs.js';
import { historyCommand } from './history.js';
import { diffCommand } from './diff.js';
import { backupCommand } from './backup.js';
import { serverCommand } from './server.js';
import { reviewCommand } from './review.js';
import { evalCommand } from './eval.js';

/**
 * Every `specbench` subcommand, in the order `--help` lists them.
 * Adding a command: one module in this folder exporting a `CliCommand`, one line here.
 */
export const commands: CliCommand[] = [
  parseCommand,
  lintCommand,
  specsCommand,
  historyCommand,
  diffCommand,
  backupCommand,
  serverCommand,
  reviewCommand,
  evalCommand,
];
