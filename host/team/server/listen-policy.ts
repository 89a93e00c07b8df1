import { isIP } from 'node:net';
import { z } from 'zod';
import { UsageError } from '../../common/usage-error.js';

/** How `team serve` listens and what it tells browsers, decided once from its flags (issue 15 FR-2). */
export interface ListenPolicy {
  host: string;
  port: number;
  /** Where users reach the server (origin only); links, cookies and the Host check derive from it. */
  publicUrl: URL;
  tls: { certFile: string; keyFile: string } | null;
  /** A reverse proxy terminates TLS in front of us: X-Forwarded-For names the client. */
  trustProxy: boolean;
  loopback: boolean;
  /** Cookies carry `Secure` unless the whole setup is plain HTTP on loopback (a local trial, tests). */
  secureCookies: boolean;
}

export interface ListenFlags {
  listen?: string;
  publicUrl?: string;
  tlsCert?: string;
  tlsKey?: string;
  trustProxy?: boolean;
}

export const DEFAULT_LISTEN = '127.0.0.1:8080';

const portSchema = z.coerce.number().int().min(0).max(65535);
const publicUrlSchema = z
  .string()
  .url()
  .transform((text) => new URL(text))
  .refine((url) => url.protocol === 'http:' || url.protocol === 'https:', 'must start with http:// or https://')
  .refine((url) => !url.username && !url.password, 'must not carry a user name or password')
  .refine((url) => url.pathname === '/' && !url.search && !url.hash, 'must be an origin only (no path, query or fragment), e.g. https://specs.example.com');

/** The `--public-url` flag checked: an http(s) origin. */
export function parsePublicUrl(text: string | undefined): URL {
  if (!text) throw new UsageError('--public-url is required: the URL your users open, e.g. https://specs.example.com (invitation links and cookies derive from it)');
  const parsed = publicUrlSchema.safeParse(text);
  if (!parsed.success) throw new UsageError(`--public-url ${parsed.error.issues[0]?.message ?? 'is not a URL'}: "${text}"`);
  return parsed.data;
}

/** `127.0.0.1`, `::1`, `localhost` and the rest of 127/8: reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/** `HOST:PORT`, `[v6]:PORT` or `:PORT` (all interfaces). */
export function parseListen(text: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]*)):(\d+)$/.exec(text.trim());
  const port = match ? portSchema.safeParse(match[3]) : null;
  if (!match || !port?.success) throw new UsageError(`--listen must be HOST:PORT (e.g. 127.0.0.1:8080 or [::1]:8080), not "${text}"`);
  const host = match[1] ?? (match[2] || '0.0.0.0');
  if (match[1] !== undefined && isIP(host) !== 6) throw new UsageError(`--listen: "${host}" in brackets is not an IPv6 address`);
  return { host, port: port.data };
}

/**
 * Checks the flags against the one rule that matters for passwords and cookies on a network:
 * plain HTTP is acceptable only on loopback, or behind a proxy that terminates TLS
 * (`--trust-proxy`). Anything else is a usage error (exit 2) that explains the choices.
 */
export function resolveListenPolicy(flags: ListenFlags): ListenPolicy {
  const { host, port } = parseListen(flags.listen ?? DEFAULT_LISTEN);
  const publicUrl = parsePublicUrl(flags.publicUrl);
  if (Boolean(flags.tlsCert) !== Boolean(flags.tlsKey)) throw new UsageError('--tls-cert and --tls-key go together: give both files or neither');
  const tls = flags.tlsCert && flags.tlsKey ? { certFile: flags.tlsCert, keyFile: flags.tlsKey } : null;
  const trustProxy = flags.trustProxy === true;
  if (tls && trustProxy) throw new UsageError('give either --tls-cert/--tls-key (this process speaks HTTPS) or --trust-proxy (a proxy in front speaks HTTPS), not both');
  const loopback = isLoopbackHost(host);
  if (!loopback && !tls && !trustProxy) {
    throw new UsageError(
      `refusing plain HTTP on ${host}:${port}: passwords and session cookies would cross the network unencrypted. ` +
        'Give --tls-cert FILE --tls-key FILE to serve HTTPS, or put a TLS-terminating reverse proxy in front and pass --trust-proxy, ' +
        'or listen on loopback (--listen 127.0.0.1:PORT)',
    );
  }
  if (!loopback && publicUrl.protocol !== 'https:') {
    throw new UsageError(`--public-url must be https:// when the server listens on the network (${host}:${port}); got "${publicUrl.origin}"`);
  }
  return { host, port, publicUrl, tls, trustProxy, loopback, secureCookies: !(loopback && !tls && publicUrl.protocol === 'http:') };
}
