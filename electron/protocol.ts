import { protocol } from 'electron';
import { APP_SCHEME } from '../host/desktop/window-options.js';
import { SECURITY_HEADERS } from '../host/security/csp.js';
import { readStatic } from '../host/web/static-files.js';

/** Must run before `app.ready`: our scheme behaves like https (a real origin for 'self'). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer from `specbench://app/…` with the CSP and security headers. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = await readStatic(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(file.body), { headers: { ...SECURITY_HEADERS, 'Content-Type': file.type } });
  });
}
