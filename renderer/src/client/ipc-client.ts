import type { SpecbenchBridge } from '../../../core/contract/bridge.js';
import { unwrap, type SpecbenchClient } from '../../../core/contract/client.js';
import type { Envelope } from '../../../core/contract/define.js';
import type { ResultOf } from '../../../core/contract/operations.js';

/** Electron: the preload's bridge functions, one per operation. */
export function createIpcClient(bridge: SpecbenchBridge): SpecbenchClient {
  return {
    async call(name, args) {
      const envelope = (await bridge[name](args)) as Envelope<ResultOf<typeof name>>;
      return unwrap(envelope);
    },
    on(name, listener) {
      return bridge.subscribe(name, listener as (payload: unknown) => void);
    },
  };
}
