import type { IpcMain, WebContents } from 'electron';
import { operationNames } from '../core/contract/operation-names.js';
import { isTrustedSenderUrl } from '../host/desktop/window-options.js';
import { dispatch, type Handlers } from '../host/handlers/dispatch.js';

/** The part of `ipcMain` the registration uses; tests pass an in-process fake. */
export type RegistrationIpc = Pick<IpcMain, 'handle'>;

/** One `ipcMain.handle` per operation; the sender frame is checked before arguments are parsed. */
export function registerIpcHandlers(ipc: RegistrationIpc, handlers: Handlers): void {
  for (const name of operationNames) {
    ipc.handle(name, async (event, args: unknown) => {
      if (!isTrustedSenderUrl(event.senderFrame?.url)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'request from an untrusted frame' } };
      }
      return dispatch(handlers, name, args);
    });
  }
}

/** Host events go to the window as `event:<name>` messages. */
export function eventSender(getContents: () => Pick<WebContents, 'send'> | null) {
  return (name: string, payload: unknown) => getContents()?.send(`event:${name}`, payload);
}
