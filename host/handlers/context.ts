import type { EventName, PayloadOf } from '../../core/contract/operations.js';
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
  /** The file to open at start-up; null opens the working copy of the magic-link sample in `dataDir`. */
  initialPath: string | null;
  dialogs: NativeDialogs | null;
  /** The spec database in `dataDir`; build it with `createSpecStore(dataDir)`, which opens on first use. */
  store: SpecStore;
  emit<K extends EventName>(name: K, payload: PayloadOf<K>): void;
}
