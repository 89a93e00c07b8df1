import type { Response } from 'express';

/** Every error body is `{"error": CODE}`: no message, no stack. */
export function sendError(res: Response, status: number, code: string): void {
  res.status(status).json({ error: code });
}
