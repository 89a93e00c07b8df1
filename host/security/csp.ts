/**
 * The one Content-Security-Policy of the workbench, sent by the browser-mode host and by the
 * Electron protocol handler. Scripts and workers only from the app itself; no remote origin
 * anywhere. `style-src 'unsafe-inline'` is the single widening: Monaco writes <style> elements
 * at run time (token colours, widget sizes) and has no nonce hook for them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers every workbench response carries, in both modes. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
