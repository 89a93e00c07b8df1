import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron';
import type { SpecbenchBridge } from '../core/contract/bridge.js';
import type { Envelope } from '../core/contract/define.js';
import { operationNames } from '../core/contract/operation-names.js';
import type { EventName, OperationName } from '../core/contract/operations.js';

/** The part of `ipcRenderer` the bridge uses; tests pass an in-process fake. */
export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * The bridge: one function per contract operation, each bound to its own channel, plus event
 * subscription. Nothing else of Electron or Node reaches the page. Only the zod-free name list is
 * imported (types are erased), so the bundled preload stays small.
 */
export function createBridge(ipc: BridgeIpc): SpecbenchBridge {
  const operations = {} as Record<OperationName, (args: unknown) => Promise<Envelope<unknown>>>;
  for (const name of operationNames) operations[name] = (args: unknown) => ipc.invoke(name, args) as Promise<Envelope<unknown>>;
  return {
    ...operations,
    subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
      const channel = `event:${event}`;
      const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
      ipc.on(channel, wrapped);
      return () => {
        ipc.removeListener(channel, wrapped);
      };
    },
  } satisfies SpecbenchBridge;
}

/** Puts the bridge on `window.specbench` in the isolated world. */
export function exposeBridge(contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>, ipc: BridgeIpc): void {
  contextBridge.exposeInMainWorld('specbench', createBridge(ipc));
}
