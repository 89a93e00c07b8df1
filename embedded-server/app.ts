import { randomBytes } from 'node:crypto';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type pg from 'pg';
import { createClock, type Clock } from './clock.js';
import type { AppContext } from './context.js';
import { isDatabaseUnavailableError, type DatabaseAvailability } from './db/availability.js';
import type { DefectName } from './defects.js';
import type { DevLogBuffer } from './dev-log-buffer.js';
import type { EmailService } from './email/email-service.js';
import { withFailureInjection } from './email/failure-injection.js';
import { createOutboxEmailService } from './email/outbox-email-service.js';
import { accessLog } from './http/access-log.js';
import { refuseContentEncoding } from './http/content-encoding.js';
import { sendError } from './http/respond.js';
import { securityHeaders } from './http/security-headers.js';
import type { Logger } from './log.js';
import { authRoutes } from './routes/auth.js';
import { devRoutes } from './routes/dev.js';
import { magicLinkRoutes } from './routes/magic-link.js';
import { verifyPageRoutes } from './routes/verify-page.js';

export interface AppOptions {
  /** A pool on a migrated database. The app never ends it. */
  pool: pg.Pool;
  logger: Logger;
  /** Mounts `/__dev/*`; without it those routes answer 404 like any unknown path. */
  dev?: boolean;
  defect?: DefectName;
  /** The origin put in front of `/auth/magic-link/verify` in emailed links; a function when the port is known only after listening. */
  appBaseUrl: string | (() => string);
  /** HS256 key of the session JWT; random per app when omitted. */
  jwtSecret?: Buffer;
  clock?: Clock;
  /** Defaults to the PostgreSQL outbox. */
  emailService?: EmailService;
  /** The cookie's `Secure` flag; defaults to on except in dev (plain http on loopback). */
  secureCookies?: boolean;
  /** The database's state: while down every request is 503 `DATABASE_UNAVAILABLE` at once; a request that finds it gone reports it. */
  availability?: Pick<DatabaseAvailability, 'available' | 'reportDown'>;
  /** The logger's lines in memory, served by `GET /__dev/logs` (dev only); without it that route answers 404. */
  logBuffer?: DevLogBuffer;
}

/** The Express app, with no listening socket: main.ts listens, tests listen on port 0. */
export function createApp(options: AppOptions): Express {
  const clock = options.clock ?? createClock();
  const emailFailures = withFailureInjection(options.emailService ?? createOutboxEmailService(options.pool, clock));
  const baseUrl = options.appBaseUrl;
  const dev = options.dev ?? false;
  const ctx: AppContext = {
    pool: options.pool,
    clock,
    logger: options.logger,
    email: emailFailures,
    emailFailures,
    defect: options.defect,
    dev,
    appBaseUrl: typeof baseUrl === 'string' ? () => baseUrl : baseUrl,
    jwtSecret: options.jwtSecret ?? randomBytes(32),
    secureCookies: options.secureCookies ?? !dev,
    logBuffer: options.logBuffer,
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(securityHeaders);
  app.use(accessLog(ctx.logger));
  const availability = options.availability;
  if (availability) {
    app.use((_req, res, next) => (availability.available ? next() : sendError(res, 503, DATABASE_UNAVAILABLE)));
  }
  app.use(refuseContentEncoding);
  app.use(express.json({ limit: '10kb' }));
  app.use(authRoutes(ctx));
  app.use(magicLinkRoutes(ctx));
  app.use(verifyPageRoutes());
  if (dev) app.use(devRoutes(ctx));
  app.use((_req, res) => sendError(res, 404, 'NOT_FOUND'));
  app.use(errorHandler(ctx.logger, availability));
  return app;
}

export const DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE';

/**
 * body-parser's errors become 400/413; a lost database is 503 (reported once, not logged per
 * request); anything else is logged and answered without detail.
 */
function errorHandler(logger: Logger, availability: AppOptions['availability']): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (isDatabaseUnavailableError(error)) {
      availability?.reportDown(error instanceof Error ? error.message : String(error));
      if (res.headersSent) req.socket.destroy();
      else sendError(res, 503, DATABASE_UNAVAILABLE);
      return;
    }
    const type = (error as { type?: unknown }).type;
    if (type === 'entity.too.large') {
      sendError(res, 413, 'PAYLOAD_TOO_LARGE');
      return;
    }
    const status = (error as { status?: unknown }).status;
    if (typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500) {
      sendError(res, 400, 'INVALID_REQUEST');
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'unhandled error');
    // Half an answer is already out: cutting the connection is the only honest end.
    if (res.headersSent) {
      req.socket.destroy();
      return;
    }
    sendError(res, 500, 'INTERNAL_ERROR');
  };
}
