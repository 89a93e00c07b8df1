/** The numbers of the spec, in one place. */
export const TOKEN_TTL_MS = 15 * 60 * 1000;
export const RATE_LIMIT_MAX_REQUESTS = 5;
export const RATE_LIMIT_WINDOW_MS = 60 * 60 * 1000;
