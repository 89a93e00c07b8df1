import type { EventName, PayloadOf } from '../../core/contract/operations.js';
import type { PathGrants } from '../desktop/path-grants.js';
import type { HostServices } from '../services.js';

/** Native dialogs exist only in Electron; main injects them so host/ never imports Electron. */
export interface NativeDialogs {
  open(): Promise<string | null>;
  save(defaultName: string): Promise<string | null>;
  /** The folder picker (Library → Import folder). */
  folder(): Promise<string | null>;
}

/**
 * Everything handlers need from the process they run in. The services (store, review,
 * embedded server, key vault) come from `createHostServices` in the entry point, which also
 * disposes them on shutdown; handlers only use them.
 */
export interface HostContext extends HostServices {
  mode: 'electron' | 'browser';
  version: string;
  dataDir: string;
  /** The file to open at start-up; null opens the working copy of the magic-link sample in `dataDir`. */
  initialPath: string | null;
  dialogs: NativeDialogs | null;
  /**
   * The desktop's path capabilities: when set, every path argument must be granted (see
   * host/desktop/path-guard.ts). Browser mode has none and keeps reading any path it is given.
   */
  pathGrants?: PathGrants | null;
  emit<K extends EventName>(name: K, payload: PayloadOf<K>): void;
}
