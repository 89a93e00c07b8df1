import { resolve } from 'node:path';
import { z } from 'zod';
import { toJunit } from '../../../core/validate/junit.js';
import { HostError } from '../../common/host-error.js';
import { formatFlag, parseArgs, stringFlag } from '../../common/args.js';
import { UsageError } from '../../common/usage-error.js';
import { readSpecFile } from '../../files/spec-file.js';
import { formatMutation, formatRun } from '../../validate/format.js';
import { startSmtpSink, type SmtpSink } from '../../validate/smtp-sink.js';
import { checkTargetUrl, startVariants, TargetError } from '../../validate/targets.js';
import { DEFECT_NAMES, mutationRun, runSpec, toRun, type MutationReport } from '../../validate/validate-spec.js';
import { compileSpecText, isSpecProblem, unknownCriteria } from '../../validate/compile-file.js';
import { storeValidationRun } from '../../validate/store-run.js';
import type { ValidationRun } from '../../../core/validate/results.js';
import { withCliStore } from '../store-access.js';
import type { CliCommand } from '../command.js';
import { commandInfo } from './index.js';

const optionsSchema = z
  .object({
    file: z.string().min(1, 'the spec path is empty'),
    target: z.string().min(1),
    defect: z.string().optional(),
    allDefects: z.boolean(),
    ac: z.array(z.string().regex(/^AC-\d+$/, '--ac takes ids like AC-3,AC-7')).optional(),
    format: z.enum(['text', 'json', 'junit']),
    allowRemote: z.boolean(),
    smtpPort: z.coerce.number().int().min(1).max(65535).optional(),
  })
  .refine((o) => !(o.defect && o.allDefects), { message: '--defect and --all-defects exclude each other' })
  .refine((o) => o.target === 'embedded' || (!o.defect && !o.allDefects), { message: '--defect and --all-defects need --target embedded' });

export const validateCommand: CliCommand = {
  ...commandInfo('validate'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['target', 'defect', 'ac', 'format', 'smtp-port'], booleans: ['all-defects', 'allow-remote', 'store'] });
    if (args.positionals.length !== 1) throw new UsageError('expected exactly one file: specbench validate <file.md> [options]');
    const parsed = optionsSchema.safeParse({
      file: args.positionals[0],
      target: stringFlag(args, 'target') ?? 'embedded',
      defect: stringFlag(args, 'defect'),
      allDefects: args.flags.get('all-defects') === true,
      ac: stringFlag(args, 'ac')?.split(',').map((s) => s.trim()).filter((s) => s !== ''),
      format: formatFlag(args, ['text', 'json', 'junit'] as const, 'text'),
      allowRemote: args.flags.get('allow-remote') === true,
      smtpPort: stringFlag(args, 'smtp-port'),
    });
    if (!parsed.success) throw new UsageError(parsed.error.issues[0]!.message);
    const o = parsed.data;
    if (o.defect && !(DEFECT_NAMES as readonly string[]).includes(o.defect)) throw new UsageError(`unknown defect ${o.defect}; valid: ${DEFECT_NAMES.join(', ')}`);

    const specPath = resolve(io.cwd, o.file);
    const file = await readSpecFile(specPath).catch((error: unknown) => {
      throw error instanceof HostError ? new UsageError(error.message) : error;
    });
    let criteria;
    try {
      criteria = await compileSpecText(file.content, specPath);
    } catch (error) {
      if (isSpecProblem(error)) throw new UsageError(error.message);
      throw error;
    }
    const unknownAc = unknownCriteria(criteria, o.ac);
    if (unknownAc.length > 0) throw new UsageError(`no criterion ${unknownAc.join(', ')} in ${o.file}`);

    let stop = async (): Promise<void> => undefined;
    let sink: SmtpSink | undefined;
    try {
      if (o.smtpPort !== undefined) sink = await startSmtpSink(o.smtpPort).catch((error: Error) => {
        throw new TargetError(`cannot start the SMTP sink on 127.0.0.1:${o.smtpPort}: ${error.message}`);
      });
      let urls: Map<string, string>;
      if (o.target === 'embedded') {
        const variants = o.allDefects ? ['correct', ...DEFECT_NAMES] : [o.defect ?? 'correct'];
        const started = await startVariants(variants);
        stop = started.stop;
        urls = started.urls;
      } else urls = new Map([['correct', checkTargetUrl(o.target, o.allowRemote)]]);

      const record = async (run: ValidationRun, mutation?: MutationReport): Promise<void> => {
        if (args.flags.get('store') !== true) return;
        const stored = await withCliStore(io, (store) => storeValidationRun(store, specPath, file.content, o.target, run, mutation));
        io.stderr('version' in stored ? `stored as the result of version ${stored.version}\n` : `not stored: ${stored.skipped}\n`);
      };
      if (o.allDefects) {
        const report = await mutationRun(o.file, criteria, urls, { only: o.ac, mail: sink });
        await record(report.correct, report);
        if (o.format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
        else if (o.format === 'junit') io.stdout(toJunit(report.correct));
        else io.stdout(formatMutation(report));
        return report.correct.summary.passed === report.correct.summary.total ? 0 : 1;
      }
      const [variant, base] = [...urls][0]!;
      const run = toRun(o.file, base, await runSpec(criteria, base, { only: o.ac, mail: sink }), variant === 'correct' ? undefined : variant);
      await record(run);
      if (o.format === 'json') io.stdout(`${JSON.stringify(run, null, 2)}\n`);
      else if (o.format === 'junit') io.stdout(toJunit(run));
      else io.stdout(formatRun(run));
      if (run.results.some((r) => r.status === 'error' && r.message?.includes('target unreachable'))) {
        io.stderr(`${run.results.find((r) => r.message?.includes('target unreachable'))!.message}\n`);
        return 2;
      }
      return run.summary.passed === run.summary.total ? 0 : 1;
    } catch (error) {
      if (error instanceof TargetError) {
        io.stderr(`${error.message}\n`);
        return 2;
      }
      throw error;
    } finally {
      await sink?.stop();
      await stop();
    }
  },
};
