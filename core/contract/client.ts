import type { ApiErrorShape, Envelope } from './define.js';
import type { ArgsOf, EventName, OperationName, PayloadOf, ResultOf } from './operations.js';

/** What the renderer talks to. Electron IPC and the HTTP host both implement it. */
export interface SpecbenchClient {
  call<K extends OperationName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>>;
  /** Subscribes to a host event; returns the unsubscribe function. */
  on<K extends EventName>(name: K, listener: (payload: PayloadOf<K>) => void): () => void;
}

/** An API failure as an Error, carrying the host's stable code. */
export class ApiError extends Error implements ApiErrorShape {
  override name = 'ApiError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error.code, envelope.error.message);
}
