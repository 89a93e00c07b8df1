import type { EventName, PayloadOf } from '../../core/contract/operations.js';
import type { ComputePool } from '../compute/compute-pool.js';
import type { SpecStore } from '../store/spec-store.js';

/** Native dialogs exist only in Electron; main injects them so host/ never imports Electron. */
export interface NativeDialogs {
  open(): Promise<string | null>;
  save(defaultName: string): Promise<string | null>;
}

/** Everything handlers need from the process they run in. */
export interface HostContext {
  mode: 'electron' | 'browser';
  version: string;
  dataDir: string;
  /** The file to open at start-up; null falls back to the magic-link sample. */
  initialPath: string | null;
  dialogs: NativeDialogs | null;
  /** The spec database in `dataDir`; build it with `createSpecStore(dataDir)`, which opens on first use. */
  store: SpecStore;
  /**
   * Runs parsing, linting and diffing of user text off the request path with a time budget.
   * The entry point creates it (`new ComputePool()`) and disposes it; omitted, a shared pool is used.
   */
  compute?: ComputePool;
  emit<K extends EventName>(name: K, payload: PayloadOf<K>): void;
}
