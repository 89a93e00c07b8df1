import { ipcMain } from 'electron';
import type { Handlers } from '../host/handlers/dispatch.js';
import { registerIpcHandlers } from './ipc-register.js';

export { eventSender } from './ipc-register.js';

/** Registers every operation on Electron's real `ipcMain` (the logic, tested with fakes, is in ipc-register.ts). */
export function registerIpc(handlers: Handlers): void {
  registerIpcHandlers(ipcMain, handlers);
}
