import type { IncomingMessage } from 'node:http';
import { isLoopbackHost } from './listen-policy.js';

/**
 * The Host headers this server answers: the public URL's host, and on loopback the local forms of
 * the bound port. Anything else is refused (DNS rebinding, a stray virtual host).
 */
export function allowedHosts(publicUrl: URL, listenHost: string, port: number): Set<string> {
  const hosts = new Set([publicUrl.host.toLowerCase()]);
  if (isLoopbackHost(listenHost)) for (const local of ['127.0.0.1', 'localhost', '[::1]']) hosts.add(`${local}:${port}`);
  return hosts;
}

export function hostAllowed(req: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  return allowed.has((req.headers.host ?? '').toLowerCase());
}
