import { app, BrowserWindow, dialog, safeStorage, session, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_ORIGIN, secureWindowOptions } from '../host/desktop/window-options.js';
import { EncryptedFileKeyVault } from '../host/ai/key-vault.js';
import type { HostContext } from '../host/handlers/context.js';
import type { ReviewHostExtras } from '../host/handlers/review.js';
import { createHandlers } from '../host/handlers/index.js';
import { appVersion } from '../host/launch/browser-context.js';
import { appRoot } from '../host/paths.js';
import { createSpecStore } from '../host/store/spec-store.js';
import { ComputePool } from '../host/compute/compute-pool.js';
import { eventSender, registerIpc } from './ipc.js';
import { registerAppScheme, serveRenderer } from './protocol.js';

const here = dirname(fileURLToPath(import.meta.url));
let window: BrowserWindow | null = null;

registerAppScheme();

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(secureWindowOptions(join(here, 'preload.cjs')));
  // Nothing navigates away from the app or opens windows; links go to the system browser only if https.
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveRenderer(join(appRoot, 'dist', 'renderer'));
  const fileArg = process.argv.slice(app.isPackaged ? 1 : 2).find((a) => a.endsWith('.md'));
  const dataDir = app.getPath('userData');
  const context: HostContext & ReviewHostExtras = {
    mode: 'electron',
    version: appVersion(),
    dataDir,
    store: createSpecStore(dataDir),
    compute: new ComputePool(),
    // The API key lives only in main, encrypted by the OS keychain (safeStorage); the renderer
    // can set it but never read it back.
    keyVault: new EncryptedFileKeyVault(dataDir, safeStorage),
    initialPath: fileArg ?? null,
    dialogs: {
      async open() {
        const result = await dialog.showOpenDialog({ properties: ['openFile'], filters: [{ name: 'Markdown', extensions: ['md', 'markdown'] }] });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      async save(defaultName) {
        const result = await dialog.showSaveDialog({ defaultPath: defaultName, filters: [{ name: 'Markdown', extensions: ['md'] }] });
        return result.canceled ? null : (result.filePath ?? null);
      },
    },
    emit: eventSender(() => window?.webContents ?? null) as HostContext['emit'],
  };
  registerIpc(createHandlers(context));
  app.once('will-quit', () => void context.compute?.dispose());
  window = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createWindow();
  });
});

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
