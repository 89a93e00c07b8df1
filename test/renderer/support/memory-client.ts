import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { unwrap, type SpecbenchClient } from '../../../core/contract/client.js';
import type { Envelope } from '../../../core/contract/define.js';
import type { EventName, PayloadOf } from '../../../core/contract/operations.js';
import type { HostContext, NativeDialogs } from '../../../host/handlers/context.js';
import { dispatch } from '../../../host/handlers/dispatch.js';
import { createHandlers } from '../../../host/handlers/index.js';
import { createHostServices, disposeHostServices } from '../../../host/services.js';

export interface MemoryClient extends SpecbenchClient {
  /** The temporary data folder the host handlers use (removed after the test). */
  dataDir: string;
  /** Pushes a host event to the `on` listeners, as a host (or a team server's event stream) does. */
  emit<K extends EventName>(name: K, payload: PayloadOf<K>): void;
}

/**
 * The renderer's client in memory (Actual Budget's test transport): every call goes through the
 * real host handlers and the one `dispatch` (schema check, envelope) over a real SQLite store in
 * a fresh data folder; arguments and results cross a JSON round trip as on the wire, and host
 * events reach `on` listeners. The store is closed and the folder removed after the test.
 */
export function createMemoryClient(t: TestContext, options: { dialogs?: NativeDialogs } = {}): MemoryClient {
  const dataDir = mkdtempSync(join(tmpdir(), 'specbench-renderer-'));
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const emit = <K extends EventName>(name: K, payload: PayloadOf<K>): void => {
    for (const listener of listeners.get(name) ?? []) listener(JSON.parse(JSON.stringify(payload)));
  };
  const ctx: HostContext = {
    mode: 'browser',
    version: 'test',
    dataDir,
    initialPath: null,
    // Native dialogs stand in for the desktop app's (app.info then reports nativeDialogs: true).
    dialogs: options.dialogs ?? null,
    emit,
    // No Anthropic key: nothing in a component test may reach the network.
    ...createHostServices({ dataDir, emit, reviewEnv: {} }),
  };
  const handlers = createHandlers(ctx);
  t.after(async () => {
    await disposeHostServices(ctx);
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    dataDir,
    emit,
    async call(name, args) {
      const envelope = await dispatch(handlers, name, JSON.parse(JSON.stringify(args ?? {})));
      return unwrap(JSON.parse(JSON.stringify(envelope)) as Envelope<never>);
    },
    on<K extends EventName>(name: K, listener: (payload: PayloadOf<K>) => void) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => set.delete(entry);
    },
  };
}
