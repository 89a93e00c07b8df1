import type { Envelope } from './define.js';
import type { EventName, OperationName } from './operations.js';

/**
 * What the Electron preload exposes on `window.specbench`: exactly one function per
 * operation (each returns an envelope) and a subscription for host events. No generic
 * invoke, no Node, no process.env.
 */
export type SpecbenchBridge = {
  [K in OperationName]: (args: unknown) => Promise<Envelope<unknown>>;
} & {
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
};
