import assert from 'node:assert/strict';
import type { SpecbenchBridge } from '../../../core/contract/bridge.js';
import type { Envelope } from '../../../core/contract/define.js';
import type { OperationName } from '../../../core/contract/operations.js';
import { exposeBridge } from '../../../electron/bridge.js';
import { eventSender, registerIpcHandlers } from '../../../electron/ipc-register.js';
import { desktopPathGrants } from '../../../host/desktop/path-guard.js';
import { APP_ORIGIN } from '../../../host/desktop/window-options.js';
import type { HostContext, NativeDialogs } from '../../../host/handlers/context.js';
import { createHandlers } from '../../../host/handlers/index.js';
import { appVersion } from '../../../host/launch/browser-context.js';
import { createHostServices, type HostServiceOptions } from '../../../host/services.js';
import { FakeIpcPair, fakeContextBridge } from './fake-electron.js';

export interface DesktopSessionOptions {
  dataDir: string;
  /** What the native dialogs "choose" (null: cancelled). */
  dialogs: Partial<Record<keyof NativeDialogs, string | null>>;
  /** The file named on the command line. */
  initialPath?: string | null;
  /** Path capabilities as main grants them (`desktopPathGrants`); off: every path allowed. */
  pathGrants?: boolean;
  /** More service options (say, the embedded server's launcher); the review key is never read from this machine. */
  services?: Partial<HostServiceOptions>;
}

export interface DesktopSession {
  pair: FakeIpcPair;
  context: HostContext;
  /** What the preload exposes on `window.specbench`. */
  bridge: SpecbenchBridge;
  call(name: OperationName, args: unknown): Promise<Envelope<unknown>>;
  /** Calls and asserts an ok envelope; returns its value. */
  ok<T = Record<string, unknown>>(name: OperationName, args: unknown): Promise<T>;
  /** Calls and asserts an error envelope; returns its error. */
  failure(name: OperationName, args: unknown): Promise<{ code: string; message: string }>;
}

/**
 * The desktop app's main and preload without the Electron binary, built as electron/main.ts
 * builds them: an electron-mode context whose services send events to the window, native
 * dialogs from main, optionally the path grants; main's IPC registration and the preload's
 * bridge joined by the in-process IPC pair. The caller disposes `context` (disposeHostServices).
 */
export async function openDesktopSession(options: DesktopSessionOptions): Promise<DesktopSession> {
  const pair = new FakeIpcPair(`${APP_ORIGIN}/index.html`);
  const emit = eventSender(() => pair.webContents) as HostContext['emit'];
  const pick = (name: keyof NativeDialogs) => async () => options.dialogs[name] ?? null;
  const context: HostContext = {
    mode: 'electron',
    version: appVersion(),
    dataDir: options.dataDir,
    emit,
    // `reviewEnv: {}` keeps any real API key out, so reviews run offline.
    ...createHostServices({ dataDir: options.dataDir, emit, reviewEnv: {}, ...options.services }),
    initialPath: options.initialPath ?? null,
    dialogs: { open: pick('open'), save: pick('save'), folder: pick('folder') },
  };
  if (options.pathGrants) context.pathGrants = await desktopPathGrants(context);
  registerIpcHandlers(pair.ipcMain, createHandlers(context));
  const contextBridge = fakeContextBridge();
  exposeBridge(contextBridge, pair.ipcRenderer);
  const bridge = contextBridge.world.specbench as SpecbenchBridge;
  const call = (name: OperationName, args: unknown) => bridge[name](args as never) as Promise<Envelope<unknown>>;
  return {
    pair,
    context,
    bridge,
    call,
    async ok<T>(name: OperationName, args: unknown): Promise<T> {
      const envelope = await call(name, args);
      assert.ok(envelope.ok, `${name}: ${JSON.stringify(envelope)}`);
      return envelope.value as T;
    },
    async failure(name: OperationName, args: unknown) {
      const envelope = await call(name, args);
      assert.equal(envelope.ok, false, `${name} should fail: ${JSON.stringify(envelope)}`);
      return (envelope as Extract<Envelope<unknown>, { ok: false }>).error;
    },
  };
}
