import { isIP } from 'node:net';
import { HostError } from '../common/host-error.js';

/** Where the SDK sends requests when nothing else is configured. */
export const DEFAULT_BASE_URL = 'https://api.anthropic.com';

/** Set to 1 in the environment of a host (tests, benches) that talks to a local Messages API stand-in over plain http. */
export const ALLOW_LOOPBACK_FLAG = 'SPECBENCH_ALLOW_LOOPBACK_AI';

export function loopbackAllowed(env: Record<string, string | undefined>): boolean {
  return env[ALLOW_LOOPBACK_FLAG] === '1';
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/**
 * Whether the API key may be sent to `baseURL`: https anywhere; plain http only to a loopback
 * address and only when the host was started with the test flag. Returns the reason it may not.
 */
export function baseUrlProblem(baseURL: string, allowLoopbackHttp: boolean): string | null {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    return `the API base URL "${baseURL}" is not a URL`;
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) {
    return allowLoopbackHttp ? null : `the API base URL ${url.origin} uses plain http; loopback http is allowed only when the host was started with ${ALLOW_LOOPBACK_FLAG}=1 (tests)`;
  }
  return `the API base URL must use https (the API key would travel in clear text to ${url.origin})`;
}

/** Throws INVALID_BASE_URL when the key may not be sent to `baseURL`. */
export function assertBaseUrlAllowed(baseURL: string, allowLoopbackHttp: boolean): void {
  const problem = baseUrlProblem(baseURL, allowLoopbackHttp);
  if (problem) throw new HostError('INVALID_BASE_URL', problem);
}

/** The scheme, host and port a key is bound to. */
export function originOf(baseURL: string): string {
  try {
    return new URL(baseURL).origin;
  } catch {
    return baseURL;
  }
}
