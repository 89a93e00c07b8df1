import { resolve } from 'node:path';
import { z } from 'zod';
import { ConvertRefused, convertSpec, targetFormats } from '../../../core/formats/convert/index.js';
import { parseSpec } from '../../../core/markdown/parse.js';
import { formatFlag, parseArgs, stringFlag } from '../../common/args.js';
import { formatOfFlag } from '../../common/format-of.js';
import { UsageError } from '../../common/usage-error.js';
import { readSpecFile, writeSpecFile } from '../../files/spec-file.js';
import type { CliCommand } from '../command.js';
import { commandInfo } from './index.js';

const optionsSchema = z.object({
  file: z.string().min(1, 'the spec path is empty'),
  to: z.enum(targetFormats as [string, ...string[]], { message: `--to must be one of ${targetFormats.join(', ')}` }),
  out: z.string().min(1, '--out needs a file').optional(),
});

export const convertCommand: CliCommand = {
  ...commandInfo('convert'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['to', 'out', 'format', 'format-of'] });
    const format = formatFlag(args, ['text', 'json'] as const, 'text');
    if (args.positionals.length !== 1) throw new UsageError('expected exactly one file: specbench convert <file.md> --to FORMAT');
    if (stringFlag(args, 'to') === undefined) throw new UsageError(`--to is required (${targetFormats.join(', ')})`);
    const parsed = optionsSchema.safeParse({ file: args.positionals[0], to: stringFlag(args, 'to'), out: stringFlag(args, 'out') });
    if (!parsed.success) throw new UsageError(parsed.error.issues[0].message);
    const options = parsed.data;
    const formatOf = formatOfFlag(args.flags.get('format-of'));
    const file = await readSpecFile(resolve(io.cwd, options.file));
    const doc = parseSpec(file.content, { format: formatOf });
    let result;
    try {
      result = convertSpec(doc, options.to as (typeof targetFormats)[number]);
    } catch (error) {
      if (error instanceof ConvertRefused) throw new UsageError(`cannot convert ${options.file}: ${error.message}`);
      throw error;
    }
    const outPath = options.out ? resolve(io.cwd, options.out) : undefined;
    if (outPath) await writeSpecFile(outPath, result.markdown, false);
    if (format === 'json') {
      io.stdout(`${JSON.stringify({ to: options.to, ...(outPath ? { out: outPath } : { markdown: result.markdown }), notes: result.notes }, null, 2)}\n`);
    } else {
      if (!outPath) io.stdout(result.markdown);
      for (const note of result.notes) io.stderr(`specbench convert: ${note.kind}: ${note.message}\n`);
    }
    return 0;
  },
};
