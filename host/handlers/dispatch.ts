import type { z } from 'zod';
import type { Envelope } from '../../core/contract/define.js';
import { isOperationName, operations, type OperationName, type ParsedArgsOf, type ResultOf } from '../../core/contract/operations.js';
import { HostError } from '../common/host-error.js';
import { errnoCode, fsReason } from '../common/fs-error.js';

export type Handlers = {
  [K in OperationName]: (args: ParsedArgsOf<K>) => Promise<ResultOf<K>>;
};

/** One line of every issue, "path: message; …", for an INVALID_ARGUMENTS message. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * The one receiving side of every transport: unknown names and bad arguments are refused
 * before any handler runs, and every outcome becomes an envelope, never a thrown error.
 */
export async function dispatch(handlers: Handlers, name: string, rawArgs: unknown): Promise<Envelope<unknown>> {
  if (!isOperationName(name)) return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `unknown operation "${name}"` } };
  const parsed = operations[name].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'INVALID_ARGUMENTS', message: `${name}: ${describeIssues(parsed.error)}` } };
  }
  try {
    const handler = handlers[name] as (args: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof HostError) return { ok: false, error: { code: error.code, message: error.message } };
    if (errnoCode(error)) {
      // A file-system error no handler anticipated: words and the path, never "ENOENT … mkdir".
      const path = (error as NodeJS.ErrnoException).path;
      return { ok: false, error: { code: 'FILE_ERROR', message: `${name} failed: ${path ? `${path}: ` : ''}${fsReason(error)}` } };
    }
    // Unexpected failures keep their message (useful, never secret here) but not their stack.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'INTERNAL', message: `${name} failed: ${message}` } };
  }
}

export type { ResultOf, ParsedArgsOf };
