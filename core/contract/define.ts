import type { z } from 'zod';

/**
 * One request/response operation of the workbench API. Declared once here in `core/`,
 * implemented by host handlers, carried by Electron IPC or by the browser-mode HTTP host.
 */
export interface OperationDef<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  args: A;
  result: R;
  /** One sentence for humans; shown in the README's API table and in JSDoc hovers. */
  doc: string;
}

/** One event pushed from the host to the UI (stream chunks, server logs). */
export interface EventDef<P extends z.ZodType = z.ZodType> {
  payload: P;
  doc: string;
}

export function defineOperation<A extends z.ZodType, R extends z.ZodType>(def: OperationDef<A, R>): OperationDef<A, R> {
  return def;
}

export function defineEvent<P extends z.ZodType>(def: EventDef<P>): EventDef<P> {
  return def;
}

/** What crosses a transport: never a thrown exception, always one of these. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export interface ApiErrorShape {
  /** Stable machine code, e.g. `INVALID_ARGUMENTS`, `FILE_TOO_LARGE`, `NOT_FOUND`. */
  code: string;
  /** One sentence a user can act on. */
  message: string;
}
