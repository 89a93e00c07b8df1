import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { LintConfigError, resolveLintConfig, type LintConfigInput } from '../../../core/lint/config/config.js';
import { lintSpec } from '../../../core/lint/engine.js';
import { toLintJson } from '../../../core/lint/output/json.js';
import { toSarif } from '../../../core/lint/output/sarif.js';
import { formatLintText } from '../../../core/lint/output/text.js';
import { parseSpec } from '../../../core/markdown/parse.js';
import { readSpecFile } from '../../files/spec-file.js';
import { HostError } from '../../common/host-error.js';
import { findLintConfig, loadLintConfig } from '../../lint/config-file.js';
import { appRoot } from '../../paths.js';
import { formatFlag, parseArgs } from '../../common/args.js';
import { UsageError } from '../../common/usage-error.js';
import type { CliCommand, CliIo } from '../command.js';
import { commandInfo } from './index.js';

const optionsSchema = z.object({
  file: z.string().min(1, 'the spec path is empty'),
  format: z.enum(['text', 'json', 'sarif']),
  config: z.string().min(1, '--config needs a file').optional(),
});

async function toolVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(appRoot, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

/** What SARIF consumers (GitHub code scanning) resolve against the repository: a relative, "/"-separated path. */
function sarifUri(cwd: string, path: string): string {
  const shown = shownPath(cwd, path);
  return shown === path ? pathToFileURL(path).href : shown.split(sep).join('/');
}

/** A path as messages show it: relative to the working folder when inside it, else absolute. */
function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

async function readConfig(io: CliIo, specPath: string, given: string | undefined): Promise<LintConfigInput> {
  const path = given ? resolve(io.cwd, given) : await findLintConfig(specPath);
  if (!path) return {};
  try {
    return await loadLintConfig(path, given ?? shownPath(io.cwd, path));
  } catch (error) {
    if (error instanceof LintConfigError || error instanceof HostError) throw new UsageError(error.message);
    throw error;
  }
}

export const lintCommand: CliCommand = {
  ...commandInfo('lint'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['format', 'config'] });
    if (args.positionals.length !== 1) throw new UsageError('expected exactly one file: specbench lint <file.md> [--format text|json|sarif] [--config FILE]');
    const parsed = optionsSchema.safeParse({
      file: args.positionals[0],
      format: formatFlag(args, ['text', 'json', 'sarif'] as const, 'text'),
      config: args.flags.get('config'),
    });
    if (!parsed.success) throw new UsageError(parsed.error.issues[0].message);
    const options = parsed.data;

    const specPath = resolve(io.cwd, options.file);
    const file = await readSpecFile(specPath).catch((error: unknown) => {
      throw error instanceof HostError ? new UsageError(error.message) : error;
    });
    const config = resolveLintConfig(await readConfig(io, specPath, options.config));
    const report = lintSpec(parseSpec(file.content), { config });

    if (options.format === 'json') io.stdout(`${JSON.stringify(toLintJson(options.file, report), null, 2)}\n`);
    else if (options.format === 'sarif') io.stdout(`${JSON.stringify(toSarif(report, { uri: sarifUri(io.cwd, specPath), toolVersion: await toolVersion() }), null, 2)}\n`);
    else io.stdout(formatLintText(options.file, report));
    return report.counts.errors > 0 ? 1 : 0;
  },
};
