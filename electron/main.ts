import { app, BrowserWindow, dialog, safeStorage, session, shell, utilityProcess } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_ORIGIN, secureWindowOptions } from '../host/desktop/window-options.js';
import { externalLinkPrompt, guardedNavigationEvents, isAllowedNavigation, openExternalLink } from '../host/desktop/navigation.js';
import { desktopPathGrants } from '../host/desktop/path-guard.js';
import { EncryptedFileKeyVault } from '../host/ai/key-vault.js';
import type { HostContext } from '../host/handlers/context.js';
import { createHandlers } from '../host/handlers/index.js';
import { appVersion } from '../host/launch/browser-context.js';
import { appRoot } from '../host/paths.js';
import { createHostServices, disposeHostServices } from '../host/services.js';
import { eventSender, registerIpc } from './ipc.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { disposeBeforeQuit } from './quit.js';
import { utilityProcessLauncher } from './utility-launcher.js';

const here = dirname(fileURLToPath(import.meta.url));
let window: BrowserWindow | null = null;
/** The services this process owns; disposed before it quits. */
let context: HostContext | null = null;

registerAppScheme();

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(secureWindowOptions(join(here, 'preload.cjs')));
  // Nothing navigates away from the app (links, redirects, subframes) or opens windows; an https
  // link goes to the system browser after the user confirms it (host/desktop/navigation.ts).
  for (const name of guardedNavigationEvents) {
    win.webContents.on(name as 'will-frame-navigate', (event) => {
      if (!isAllowedNavigation(event.url)) event.preventDefault();
    });
  }
  win.webContents.setWindowOpenHandler(({ url }) => {
    void openExternalLink(url, {
      confirm: async (target) => (await dialog.showMessageBox(win, externalLinkPrompt(target))).response === 1,
      openExternal: (target) => shell.openExternal(target),
    });
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

void app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveRenderer(join(appRoot, 'dist', 'renderer'));
  const fileArg = process.argv.slice(app.isPackaged ? 1 : 2).find((a) => a.endsWith('.md'));
  const dataDir = app.getPath('userData');
  const emit = eventSender(() => window?.webContents ?? null) as HostContext['emit'];
  context = {
    mode: 'electron',
    version: appVersion(),
    dataDir,
    emit,
    // The API key lives only in main, encrypted by the OS keychain (safeStorage); the renderer
    // can set it but never read it back.
    // The embedded server runs as a utility process: packaged builds cannot run Electron as Node.
    ...createHostServices({ dataDir, emit, keyVault: new EncryptedFileKeyVault(dataDir, safeStorage), serverLauncher: utilityProcessLauncher(utilityProcess.fork) }),
    initialPath: fileArg ?? null,
    dialogs: {
      async open() {
        const result = await dialog.showOpenDialog({ properties: ['openFile'], filters: [{ name: 'Markdown', extensions: ['md', 'markdown'] }] });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      async folder() {
        const result = await dialog.showOpenDialog({ properties: ['openDirectory'] });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      async save(defaultName) {
        const result = await dialog.showSaveDialog({ defaultPath: defaultName, filters: [{ name: 'Markdown', extensions: ['md'] }] });
        return result.canceled ? null : (result.filePath ?? null);
      },
    },
  };
  // The renderer may touch only paths granted here or by a dialog (host/desktop/path-guard.ts).
  context.pathGrants = await desktopPathGrants(context);
  registerIpc(createHandlers(context));
  window = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createWindow();
  });
});

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

// Quitting waits for the services: review runs cancelled, the embedded server and its
// PostgreSQL stopped, the store closed, in that order; then the quit goes on.
disposeBeforeQuit(app, async () => {
  if (!context) return;
  for (const { service, error } of await disposeHostServices(context)) console.error(`specbench: shutting down ${service} failed: ${error.message}`);
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
