import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';

/** Why a pass did not succeed, in words a user can act on. */
export interface PassError {
  code: 'KEY_REJECTED' | 'RATE_LIMITED' | 'OVERLOADED' | 'SERVER_ERROR' | 'TIMEOUT' | 'NETWORK' | 'CANCELLED' | 'STREAM_CUT' | 'INVALID_REPLY' | 'API_ERROR';
  message: string;
  /** Seconds the API asked us to wait (429 past retries). */
  retryAfterSeconds?: number;
  status?: number;
}

function retryAfter(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return Math.ceil(ms / 1000);
  const raw = headers?.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * Maps what the SDK threw (after its own bounded retries) to a pass error. `streaming` says
 * whether the reply had started: a failure after that is a cut stream, not a refused request.
 */
export function classifyError(error: unknown, context: { aborted: boolean; streaming: boolean }): PassError {
  if (context.aborted || error instanceof APIUserAbortError) return { code: 'CANCELLED', message: 'Cancelled.' };
  if (error instanceof APIConnectionTimeoutError) return { code: 'TIMEOUT', message: 'The request timed out.' };
  if (error instanceof APIConnectionError) {
    return context.streaming
      ? { code: 'STREAM_CUT', message: 'The connection dropped while the reply was streaming.' }
      : { code: 'NETWORK', message: 'Could not reach the Anthropic API (network error).' };
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    if (status === 401) return { code: 'KEY_REJECTED', message: 'API key rejected', status };
    if (status === 429) {
      const wait = retryAfter(error.headers as Headers | undefined);
      return {
        code: 'RATE_LIMITED',
        message: wait !== undefined ? `Rate limited by the API; retry after ${wait} s.` : 'Rate limited by the API; retry later.',
        ...(wait !== undefined ? { retryAfterSeconds: wait } : {}),
        status,
      };
    }
    if (status === 529) return { code: 'OVERLOADED', message: 'The API is overloaded (529); try again shortly.', status };
    if (status >= 500) return { code: 'SERVER_ERROR', message: `The API failed with status ${status}.`, status };
    return { code: 'API_ERROR', message: `The API refused the request (status ${status}).`, status };
  }
  if (error instanceof APIError) {
    // An error event inside the stream carries no HTTP status.
    return { code: context.streaming ? 'STREAM_CUT' : 'API_ERROR', message: 'The API reported an error while answering.' };
  }
  if (context.streaming) return { code: 'STREAM_CUT', message: 'The reply stopped before it was complete.' };
  return { code: 'NETWORK', message: `The request failed: ${error instanceof Error ? error.message : String(error)}` };
}
