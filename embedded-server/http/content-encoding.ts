import type { RequestHandler } from 'express';
import { sendError } from './respond.js';

/**
 * Request bodies are small JSON; no client needs to compress them. body-parser would inflate
 * gzip/deflate/br itself, and a body that is not what its header claims failed inside zlib with
 * an error body-parser does not classify: a 500 for a client's mistake. Any encoding other than
 * identity is therefore refused up front with 415 (issue 10 FR-5).
 */
export const refuseContentEncoding: RequestHandler = (req, res, next) => {
  const encoding = req.headers['content-encoding'];
  if (encoding === undefined || encoding.trim().toLowerCase() === 'identity' || encoding.trim() === '') {
    next();
    return;
  }
  sendError(res, 415, 'UNSUPPORTED_CONTENT_ENCODING');
};
