import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../security/csp.js';

/**
 * The workbench's headers plus the rest of what the embedded server sends (helmet's defaults):
 * a network-facing server is framed, sniffed and downgraded by more than a local page is.
 * HSTS only when users reach us over HTTPS, or a browser would pin a plain-HTTP trial.
 */
export function teamSecurityHeaders(publicUrl: URL): Record<string, string> {
  return {
    ...SECURITY_HEADERS,
    'Origin-Agent-Cluster': '?1',
    'X-DNS-Prefetch-Control': 'off',
    'X-Download-Options': 'noopen',
    'X-Frame-Options': 'DENY',
    'X-Permitted-Cross-Domain-Policies': 'none',
    'X-XSS-Protection': '0',
    'Cache-Control': 'no-store',
    ...(publicUrl.protocol === 'https:' ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** The sign-in and invitation pages post their forms to us; the workbench page posts none (form-action 'none'). */
export const AUTH_PAGE_CSP = CONTENT_SECURITY_POLICY.replace("form-action 'none'", "form-action 'self'");
