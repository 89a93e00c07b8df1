/**
 * BrowserWindow options for the workbench, as plain data so they are unit-tested here without
 * Electron (host/ never imports it). Every renderer privilege is off; the preload bridge is
 * the only way to the host.
 */
export function secureWindowOptions(preloadPath: string) {
  return {
    width: 1440,
    height: 920,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Specbench',
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  } as const;
}

/** The custom scheme the renderer is served from in Electron (a real origin for the CSP's 'self'). */
export const APP_SCHEME = 'specbench';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** Only our own pages may call the bridge; anything else (an injected frame, a navigation) is refused. */
export function isTrustedSenderUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}
