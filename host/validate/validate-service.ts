import { randomUUID } from 'node:crypto';
import type { EventName, ParsedArgsOf, PayloadOf, ResultOf } from '../../core/contract/operations.js';
import { HostError } from '../common/host-error.js';
import type { SpecStore } from '../store/spec-store.js';
import { compileSpecText, isSpecProblem, unknownCriteria } from './compile-file.js';
import { storeRunForSpec, storeValidationRun } from './store-run.js';
import { startVariants, TargetError, type VariantTargets } from './targets.js';
import { DEFECT_NAMES, mutationRun, runSpec, toRun } from './validate-spec.js';

type Emit = <K extends EventName>(name: K, payload: PayloadOf<K>) => void;
type Args = ParsedArgsOf<'validate.run'>;
type Result = ResultOf<'validate.run'>;

/**
 * The workbench's validator (issue 12 FR-7): the CLI's runner against the CLI's embedded
 * variants, kept running between runs so the next Run is fast (NFR-1) and a curl line from the
 * drawer still reaches the server it names. One run at a time: runs reset the servers' state.
 */
export class ValidateService {
  private targets: { variants: readonly string[]; started: Promise<VariantTargets> } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(private readonly options: { emit: Emit; store: SpecStore; startVariants?: typeof startVariants }) {}

  run(args: Args): Promise<Result> {
    const next = this.queue.then(() => this.runNow(args));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(args: Args): Promise<Result> {
    if (this.disposed) throw new HostError('SHUTTING_DOWN', 'the workbench is shutting down; the criteria were not run');
    const runId = args.runId ?? randomUUID();
    let criteria;
    try {
      criteria = await compileSpecText(args.specMarkdown, args.path);
    } catch (error) {
      if (isSpecProblem(error)) throw new HostError('INVALID_SPEC', error.message);
      throw error;
    }
    const unknown = unknownCriteria(criteria, args.acIds);
    if (unknown.length > 0) throw new HostError('UNKNOWN_CRITERION', `no criterion ${unknown.join(', ')} in this spec`);
    const all = args.defects === 'all';
    const urls = (await this.ensure(all ? ['correct', ...DEFECT_NAMES] : ['correct'])).urls;
    const selected = args.acIds?.length ?? criteria.length;
    const defects = urls.size - 1;
    let done = 0;
    let passed = 0;
    const onProgress = (variant: string, r: { id: string; status: PayloadOf<'validate.progress'>['result']['status'] }) => {
      done += 1;
      if (variant === 'correct' && r.status === 'passed') passed += 1;
      // Defects run only the criteria that passed on the correct server, known once it is done.
      const total = all ? selected + defects * (done <= selected ? selected : passed) : selected;
      this.options.emit('validate.progress', { runId, variant, done, total, result: { id: r.id, status: r.status } });
    };
    const file = args.path ?? 'untitled.md';
    let run;
    let mutation = null;
    if (all) {
      const report = await mutationRun(file, criteria, urls, { only: args.acIds, onProgress });
      run = report.correct;
      mutation = { matrix: report.matrix, score: report.score, surviving: report.surviving };
    } else {
      const base = urls.get('correct')!;
      run = toRun(file, base, await runSpec(criteria, base, { only: args.acIds, onResult: (r) => onProgress('correct', r) }));
    }
    if (run.results.some((r) => r.message?.includes('target unreachable'))) await this.stopTargets();
    return { runId, run, mutation, stored: await this.store(args, run, mutation) };
  }

  private async store(args: Args, run: Result['run'] & Parameters<typeof storeRunForSpec>[4], mutation: Result['mutation']): Promise<Result['stored']> {
    const target = 'embedded';
    try {
      if (args.specId !== null) return storeRunForSpec(this.options.store, args.specId, args.specMarkdown, target, run, mutation ?? undefined);
      if (args.path !== null) return await storeValidationRun(this.options.store, args.path, args.specMarkdown, target, run, mutation ? { file: run.file, correct: run, ...mutation } : undefined);
      return { skipped: 'the spec is not in the library (save it first)' };
    } catch (error) {
      return { skipped: `not stored: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /** The running variants if they include every one asked for; otherwise a restart with those. */
  private async ensure(variants: readonly string[]): Promise<VariantTargets> {
    if (this.targets && variants.every((v) => this.targets!.variants.includes(v))) {
      try {
        return await this.targets.started;
      } catch {
        this.targets = null;
      }
    }
    await this.stopTargets();
    const started = (this.options.startVariants ?? startVariants)(variants);
    this.targets = { variants, started };
    try {
      return await started;
    } catch (error) {
      this.targets = null;
      throw error instanceof TargetError ? new HostError('TARGET_FAILED', error.message) : error;
    }
  }

  private async stopTargets(): Promise<void> {
    const current = this.targets;
    this.targets = null;
    if (current) await current.started.then((t) => t.stop()).catch(() => undefined);
  }

  /** Stops the embedded variants; later runs are refused. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.queue;
    await this.stopTargets();
  }
}
