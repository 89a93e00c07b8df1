import { ComputePool } from './compute-pool.js';

let shared: ComputePool | null = null;

/**
 * The pool of a context that did not bring one (tests and tools that build a HostContext by
 * hand). Entry points create their own and dispose it on shutdown; this one's idle workers are
 * unref'd, so it never keeps a process alive, and `disposeSharedComputePool` stops it.
 */
export function computePoolOf(ctx: { compute?: ComputePool | null }): ComputePool {
  if (ctx.compute) return ctx.compute;
  shared ??= new ComputePool();
  return shared;
}

export async function disposeSharedComputePool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.dispose();
}
