import type { TestContext } from 'node:test';
import { dispatch } from '../../../host/handlers/dispatch.js';
import { createHandlers } from '../../../host/handlers/index.js';
import { createHostServices, disposeHostServices } from '../../../host/services.js';
import type { ArgsOf, OperationName, ResultOf } from '../../../core/contract/operations.js';

/** One host (one machine's data folder) driven through the contract, as the renderer and CLI drive it. */
export interface Machine {
  dataDir: string;
  call<K extends OperationName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>>;
  /** The error code and message of a call expected to fail. */
  fail<K extends OperationName>(name: K, args: ArgsOf<K>): Promise<{ code: string; message: string }>;
  close(): Promise<void>;
}

export function machine(t: TestContext, dataDir: string): Machine {
  const emit = () => undefined;
  const ctx = { mode: 'browser' as const, version: 'test', dataDir, initialPath: null, dialogs: null, emit, ...createHostServices({ dataDir, emit, reviewEnv: {} }) };
  const handlers = createHandlers(ctx);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await disposeHostServices(ctx);
  };
  t.after(close);
  return {
    dataDir,
    async call(name, args) {
      const result = await dispatch(handlers, name, args);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
      return result.value as never;
    },
    async fail(name, args) {
      const result = await dispatch(handlers, name, args);
      if (result.ok) throw new Error(`${name} was expected to fail but succeeded`);
      return result.error;
    },
    close,
  };
}
