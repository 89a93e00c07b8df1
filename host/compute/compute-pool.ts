import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { HostError } from '../common/host-error.js';
import { FIRST_STAGE, type JobArgs, type JobName, type JobResult, type Stage } from './jobs.js';
import type { FromWorker, ToWorker } from './protocol.js';

export interface ComputePoolOptions {
  /**
   * Worker threads; default: one core fewer than the machine has, at most 2 and at least 1, so
   * the request thread always keeps a core while workers are busy (a probe must answer fast).
   */
  size?: number;
  /** Wall time a job may run once a worker picked it up; past it the worker is terminated and replaced. */
  budgetMs?: number;
  /** Longest result JSON accepted from a worker, in characters. */
  maxOutputChars?: number;
  /** V8 old-generation limit per worker, so a runaway job dies alone instead of taking the host with it. */
  maxHeapMb?: number;
}

export const DEFAULT_BUDGET_MS = 15_000;
const DEFAULT_MAX_OUTPUT_CHARS = 16 * 1024 * 1024;
const DEFAULT_MAX_HEAP_MB = 1024;

interface Task {
  id: number;
  job: JobName;
  args: unknown;
  stage: Stage;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

/** How a worker thread is started: the TypeScript source under tsx (dev, tests, CLI), or the bundled file next to Electron's main.mjs. */
function workerEntry(): { url: URL; execArgv: string[] } {
  if (import.meta.url.endsWith('.ts')) {
    // A worker does not inherit loader hooks registered with tsx's API (host/cli/bin.mjs), so
    // it loads tsx itself, by absolute URL: the CLI may run with any cwd.
    return { url: new URL('./worker.ts', import.meta.url), execArgv: ['--import', import.meta.resolve('tsx')] };
  }
  return { url: new URL('./compute-worker.mjs', import.meta.url), execArgv: [] };
}

/**
 * Runs parsing, linting and diffing of user text off the request path, in a small pool of
 * worker threads, each job with a time budget and an output cap. A job past its budget (or
 * out of memory) fails with TOO_COMPLEX naming its stage, and its worker is terminated and
 * replaced, so the host keeps answering whatever a document does to the parser or a rule.
 * A long-lived service: the entry point creates one and calls `dispose()` on shutdown.
 */
export class ComputePool {
  private readonly size: number;
  readonly budgetMs: number;
  private readonly maxOutputChars: number;
  private readonly maxHeapMb: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private disposed = false;

  constructor(options: ComputePoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(2, availableParallelism() - 1));
    this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    this.maxOutputChars = options.maxOutputChars ?? DEFAULT_MAX_OUTPUT_CHARS;
    this.maxHeapMb = options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB;
  }

  /** Runs one job; rejects with HostError TOO_COMPLEX past the budget, the output cap or the heap limit. */
  run<K extends JobName>(job: K, args: JobArgs<K>): Promise<JobResult<K>> {
    if (this.disposed) return Promise.reject(new HostError('SHUTTING_DOWN', 'the host is shutting down'));
    return new Promise<JobResult<K>>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, args, stage: FIRST_STAGE[job], resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  /** Terminates every worker; queued and running jobs fail with SHUTTING_DOWN. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const stopping = new HostError('SHUTTING_DOWN', 'the host is shutting down');
    for (const task of this.queue.splice(0)) task.reject(stopping);
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        slot.task?.reject(stopping);
        slot.task = null;
        return slot.worker.terminate();
      }),
    );
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.task === null) ?? (this.slots.length < this.size ? this.spawn() : null);
      if (!slot) return;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.ref();
      const message: ToWorker = { id: task.id, job: task.job, args: task.args, maxOutputChars: this.maxOutputChars };
      slot.worker.postMessage(message);
    }
  }

  private spawn(): Slot {
    const { url, execArgv } = workerEntry();
    const worker = new Worker(url, { execArgv, resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    const slot: Slot = { worker, task: null, timer: null };
    worker.unref();
    worker.on('message', (message: FromWorker) => this.onMessage(slot, message));
    // A worker that dies (out of memory, a crash) takes only its own job with it.
    worker.on('error', (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.fail(slot, (task) => (outOfMemory ? tooComplex(task.stage, 'it needs more memory than a document may use') : new Error(`${task.stage} failed: ${error.message}`)));
    });
    worker.on('exit', () => this.fail(slot, (task) => new Error(`${task.stage} failed: the worker thread exited`)));
    this.slots.push(slot);
    return slot;
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    const task = slot.task;
    if (!task || task.id !== message.id) return;
    switch (message.type) {
      case 'started':
        slot.timer = setTimeout(() => this.fail(slot, (t) => tooComplex(t.stage, `it took longer than ${seconds(this.budgetMs)}`)), this.budgetMs);
        return;
      case 'stage':
        task.stage = message.stage;
        return;
      case 'done':
        this.finish(slot);
        try {
          task.resolve(JSON.parse(message.json));
        } catch (error) {
          task.reject(error as Error);
        }
        return;
      case 'too-large':
        this.finish(slot);
        task.reject(tooComplex(task.stage, `its result (${message.chars.toLocaleString('en-US')} characters) is over the ${this.maxOutputChars.toLocaleString('en-US')}-character cap`));
        return;
      case 'failed':
        this.finish(slot);
        task.reject(new Error(message.message));
        return;
    }
  }

  /** The slot's job is over; the worker takes the next one. */
  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    slot.worker.unref();
    this.pump();
  }

  /** Fails the slot's job and replaces its worker: a worker past its budget is stuck in user-controlled work. */
  private fail(slot: Slot, error: (task: Task) => Error): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    if (slot.timer) clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = null;
    slot.worker.removeAllListeners('exit');
    // Unref'd first: a worker slow to die (deep in a parser loop) never keeps the process alive.
    slot.worker.unref();
    void slot.worker.terminate();
    if (task) task.reject(error(task));
    if (this.disposed) return;
    // The replacement starts now, so the next job does not wait for a worker to boot.
    if (task) this.spawn();
    this.pump();
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** The one error a hostile document gets, naming the stage it broke. */
export function tooComplex(stage: Stage, why: string): HostError {
  return new HostError('TOO_COMPLEX', `document too complex: ${stage} stopped because ${why}; split the spec or simplify the text`);
}
