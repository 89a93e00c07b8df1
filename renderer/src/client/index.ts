import type { SpecbenchBridge } from '../../../core/contract/bridge.js';
import type { SpecbenchClient } from '../../../core/contract/client.js';
import { createHttpClient } from './http-client.js';
import { createIpcClient } from './ipc-client.js';

declare global {
  interface Window {
    specbench?: SpecbenchBridge;
  }
}

/** The one place that knows which transport exists; everything else sees a SpecbenchClient. */
export function connectClient(): SpecbenchClient {
  if (window.specbench) return createIpcClient(window.specbench);
  const token = document.querySelector<HTMLMetaElement>('meta[name="specbench-token"]')?.content ?? '';
  return createHttpClient(token);
}
