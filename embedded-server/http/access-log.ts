import type { RequestHandler } from 'express';
import type { Logger } from '../log.js';

/**
 * One line per request, at debug level (LOG_LEVEL=debug): under load, writing it doubled the
 * server's log output. The path only: a query string may hold a token or an email.
 */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.debug({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 100) / 100 }, 'request completed');
    });
    next();
  };
}
