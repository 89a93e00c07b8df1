import type { SpecbenchClient } from '../../../core/contract/client.js';
import type { ResultOf } from '../../../core/contract/operations.js';

let current: SpecbenchClient | null = null;
let info: ResultOf<'app.info'> | null = null;

/** Set once at start-up by main.tsx; tests of components can set their own. */
export function setClient(client: SpecbenchClient, appInfo: ResultOf<'app.info'>): void {
  current = client;
  info = appInfo;
}

export function client(): SpecbenchClient {
  if (!current) throw new Error('client used before start-up');
  return current;
}

export function appInfo(): ResultOf<'app.info'> {
  if (!info) throw new Error('app info read before start-up');
  return info;
}
