import fc from 'fast-check';
import type { Scale } from './adversarial.js';

/**
 * One fuzz target: `setup` builds what it needs (temp dirs, a database, a server) and returns the
 * property to check, which throws (or rejects) to report a failure. Cases are counted by the harness.
 */
export interface FuzzTarget {
  name: string;
  setup(scale: Scale): Promise<PreparedTarget>;
}

export interface PreparedTarget {
  /** The arbitrary of one case. */
  input: fc.Arbitrary<unknown>;
  /** Checks one case; throw to fail it. */
  check(input: unknown): Promise<void> | void;
  teardown?(): Promise<void>;
  /** A line on what the cases reached (e.g. outcomes per operation), for `npm run fuzz`. */
  summary?(): string;
}

export interface TargetReport {
  name: string;
  cases: number;
  failures: string[];
  seed: number;
  summary?: string;
}

/** Fails a case that has not settled in `ms`: a hang is a failure, not a stuck test run. */
export async function withinBudget<T>(work: Promise<T> | (() => Promise<T>), ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([typeof work === 'function' ? work() : work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Synchronous work cannot be interrupted: it is timed, and a run over the budget is a failure. */
export function timed<T>(work: () => T, ms: number, what: string): T {
  const started = performance.now();
  const result = work();
  const elapsed = performance.now() - started;
  if (elapsed > ms) throw new Error(`${what} took ${Math.round(elapsed)} ms (budget ${ms} ms)`);
  return result;
}

function describe(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : fc.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}

/**
 * Runs the target's property for `seconds` (as many cases as fit; at most `maxCases`), stopping at
 * the first failure without shrinking (shrinking a slow case could take longer than the run).
 */
export async function runTarget(target: FuzzTarget, options: { seconds: number; scale: Scale; seed?: number; maxCases?: number }): Promise<TargetReport> {
  const prepared = await target.setup(options.scale);
  let cases = 0;
  const seed = options.seed ?? Date.now() ^ (Math.random() * 0x7fffffff);
  try {
    const details = await fc.check(
      fc.asyncProperty(prepared.input, async (input) => {
        cases += 1;
        try {
          await prepared.check(input);
        } catch (error) {
          // FUZZ_DEBUG=1 prints the failure's full stack (the report keeps its message only).
          if (process.env.FUZZ_DEBUG) console.error(error);
          throw error;
        }
      }),
      {
        seed,
        numRuns: options.maxCases ?? 1_000_000_000,
        interruptAfterTimeLimit: options.seconds * 1_000,
        markInterruptAsFailure: false,
        endOnFailure: true,
      },
    );
    const failures: string[] = [];
    if (details.failed && details.counterexample) {
      const reason = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      failures.push(`${reason}\n    input: ${describe(details.counterexample[0])}\n    seed: ${details.seed}, path: ${details.counterexamplePath}`);
    }
    return { name: target.name, cases, failures, seed, summary: prepared.summary?.() };
  } finally {
    await prepared.teardown?.();
  }
}
