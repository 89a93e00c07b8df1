import type { IpcMainInvokeEvent, IpcRendererEvent } from 'electron';
import type { BridgeIpc } from '../../../electron/bridge.js';
import type { RegistrationIpc } from '../../../electron/ipc-register.js';

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
type RendererListener = (event: IpcRendererEvent, ...args: unknown[]) => void;

/**
 * An in-process stand-in for Electron's IPC pair, faithful where it matters to the transport:
 * one handler per channel (a second `handle` throws, as Electron's does), `invoke` on a channel
 * with no handler rejects, every argument and result crosses by structured clone, and each
 * invoke carries the sender frame's URL that the main side checks.
 */
export class FakeIpcPair {
  private readonly handlers = new Map<string, InvokeListener>();
  private readonly listeners = new Map<string, Set<RendererListener>>();
  /** The URL of the frame the renderer side sends from; tests point it elsewhere to be untrusted. */
  senderUrl: string;

  constructor(senderUrl: string) {
    this.senderUrl = senderUrl;
  }

  readonly ipcMain: RegistrationIpc = {
    handle: (channel, listener) => {
      if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, listener as InvokeListener);
    },
  };

  readonly ipcRenderer: BridgeIpc = {
    invoke: async (channel: string, ...args: unknown[]) => {
      const handler = this.handlers.get(channel);
      if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
      const event = { senderFrame: { url: this.senderUrl } } as unknown as IpcMainInvokeEvent;
      return structuredClone(await handler(event, ...structuredClone(args)));
    },
    on: (channel: string, listener: RendererListener) => {
      if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
      this.listeners.get(channel)!.add(listener);
      return this.ipcRenderer as never;
    },
    removeListener: (channel: string, listener: RendererListener) => {
      this.listeners.get(channel)?.delete(listener);
      return this.ipcRenderer as never;
    },
  };

  /** The window's `webContents.send`: main → renderer messages, cloned like Electron's. */
  readonly webContents = {
    send: (channel: string, ...args: unknown[]) => {
      for (const listener of this.listeners.get(channel) ?? []) listener({} as IpcRendererEvent, ...structuredClone(args));
    },
  };

  registeredChannels(): string[] {
    return [...this.handlers.keys()];
  }

  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }
}

/** `contextBridge` stand-in: what the preload exposes lands on this object, as on `window`. */
export function fakeContextBridge() {
  const world: Record<string, unknown> = {};
  return {
    world,
    exposeInMainWorld(key: string, api: unknown) {
      if (key in world) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
      world[key] = api;
    },
  };
}
