import type { Response } from 'express';
import type { z } from 'zod';
import { sendError } from './respond.js';

/** The parsed value, or undefined after answering 400 INVALID_REQUEST. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown, res: Response): z.output<S> | undefined {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  sendError(res, 400, 'INVALID_REQUEST');
  return undefined;
}
