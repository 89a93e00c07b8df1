import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { SpecbenchBridge } from '../core/contract/bridge.js';
import type { Envelope } from '../core/contract/define.js';
import { operationNames, type EventName, type OperationName } from '../core/contract/operations.js';

/**
 * The bridge: one function per contract operation, each bound to its own channel, plus event
 * subscription. Nothing else of Electron or Node reaches the page.
 */
const operations = {} as Record<OperationName, (args: unknown) => Promise<Envelope<unknown>>>;
for (const name of operationNames) operations[name] = (args: unknown) => ipcRenderer.invoke(name, args) as Promise<Envelope<unknown>>;

const bridge = {
  ...operations,
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
    const channel = `event:${event}`;
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
} satisfies SpecbenchBridge;

contextBridge.exposeInMainWorld('specbench', bridge);
