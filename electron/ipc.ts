import { ipcMain, type WebContents } from 'electron';
import { operationNames } from '../core/contract/operations.js';
import { isTrustedSenderUrl } from '../host/desktop/window-options.js';
import { dispatch, type Handlers } from '../host/handlers/dispatch.js';

/** One `ipcMain.handle` per operation; the sender frame is checked before arguments are parsed. */
export function registerIpc(handlers: Handlers): void {
  for (const name of operationNames) {
    ipcMain.handle(name, async (event, args: unknown) => {
      if (!isTrustedSenderUrl(event.senderFrame?.url)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'request from an untrusted frame' } };
      }
      return dispatch(handlers, name, args);
    });
  }
}

/** Host events go to the window as `event:<name>` messages. */
export function eventSender(getContents: () => WebContents | null) {
  return (name: string, payload: unknown) => getContents()?.send(`event:${name}`, payload);
}
