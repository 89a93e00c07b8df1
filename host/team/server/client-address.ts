import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The address of the client, for rate limits and logs. Only behind a proxy we were told to trust
 * (`--trust-proxy`) does X-Forwarded-For count, and then its last entry: the one our proxy
 * appended; earlier entries are whatever the client chose to send.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const socket = req.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) return socket;
  const header = req.headers['x-forwarded-for'];
  const text = Array.isArray(header) ? header.join(',') : header;
  const last = text?.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
  return last && isIP(last) ? last : socket;
}
