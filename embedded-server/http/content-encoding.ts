import type { RequestHandler } from 'express';
import { sendError } from './respond.js';

/**
 * Bodies are accepted only as sent (no Content-Encoding, or `identity`): a compressed body
 * would otherwise be inflated by the JSON parser before its size limit applies, and a body
 * that does not match its declared encoding failed as a 500.
 */
export const refuseContentEncoding: RequestHandler = (req, res, next) => {
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    // The body is never read; closing the connection afterwards keeps it from being parsed as the next request.
    res.setHeader('Connection', 'close');
    sendError(res, 415, 'UNSUPPORTED_CONTENT_ENCODING');
    return;
  }
  next();
};
