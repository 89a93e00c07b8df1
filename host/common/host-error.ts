import { ApiError } from '../../core/contract/client.js';

/**
 * A failure the user should read: a stable code and one actionable sentence. It is the host's
 * name for the contract's one error concept (`ApiError`, the shape of the envelope's `error`),
 * so a handler's failure and the client's rejected call are the same kind of thing, and
 * `host/handlers/dispatch.ts` is the one place that turns it into an envelope. It lives in
 * `host/common/` because every host folder (db, store, files, ai, server, cli) throws it.
 */
export class HostError extends ApiError {
  override name = 'HostError';
}
