import { z } from 'zod';
import { defineEvent, defineOperation } from '../define.js';

export const serverStateSchema = z.enum(['stopped', 'starting', 'running', 'stopping', 'failed']);

export const serverStatusSchema = z.object({
  state: serverStateSchema,
  /** http://127.0.0.1:PORT while running. */
  url: z.string().nullable(),
  port: z.number().int().nullable(),
  defect: z.string().nullable(),
  /** Why the last start failed, or how the server exited unexpectedly. */
  error: z.string().nullable(),
  startedAt: z.string().nullable(),
  /** Milliseconds from Start to the ready line, for the last start. */
  startMs: z.number().nullable(),
});
export type ServerStatus = z.infer<typeof serverStatusSchema>;

export const serverLogLineSchema = z.object({
  level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']),
  time: z.number(),
  msg: z.string(),
  fields: z.record(z.string(), z.unknown()),
});
export type ServerLogEntry = z.infer<typeof serverLogLineSchema>;

const emailArg = z.string().trim().min(3).max(320);

export const serverOperations = {
  'server.status': defineOperation({
    doc: 'State of the embedded magic-link server (stopped, starting, running, stopping, failed), its URL and the last error.',
    args: z.object({}).strict(),
    result: serverStatusSchema,
  }),
  'server.start': defineOperation({
    doc: 'Starts the embedded Express + PostgreSQL magic-link server on 127.0.0.1 with its dev API, optionally with one named defect; resolves once it listens.',
    args: z.object({ port: z.number().int().min(0).max(65535).default(0), defect: z.string().max(64).optional() }).strict(),
    result: serverStatusSchema,
  }),
  'server.stop': defineOperation({
    doc: 'Stops the embedded server (Express, then PostgreSQL) and waits until it has exited.',
    args: z.object({}).strict(),
    result: serverStatusSchema,
  }),
  'server.defects': defineOperation({
    doc: 'The deliberately defective variants the server can run, each with one line saying what it gets wrong.',
    args: z.object({}).strict(),
    result: z.object({ defects: z.array(z.object({ name: z.string(), description: z.string() })) }),
  }),
  'server.logs': defineOperation({
    doc: 'The most recent log lines of the running (or last) server, oldest first.',
    args: z.object({ limit: z.number().int().min(1).max(2000).default(500) }).strict(),
    result: z.object({ lines: z.array(serverLogLineSchema) }),
  }),
  'server.outbox': defineOperation({
    doc: 'Emails the server has sent (its outbox), newest first, optionally only those to one address.',
    args: z.object({ to: emailArg.optional() }).strict(),
    result: z.object({ emails: z.array(z.object({ id: z.string(), to: z.string(), subject: z.string(), htmlBody: z.string(), sentAt: z.string(), link: z.string().nullable() })) }),
  }),
  'server.tokens': defineOperation({
    doc: 'Rows of magic_link_tokens as stored (hashes, expiry, use), newest first, optionally for one user.',
    args: z.object({ email: emailArg.optional() }).strict(),
    result: z.object({ rows: z.array(z.record(z.string(), z.unknown())) }),
  }),
  'server.reset': defineOperation({
    doc: 'Empties the server\'s tables and re-seeds the demo users.',
    args: z.object({}).strict(),
    result: z.object({ reset: z.literal(true) }),
  }),
  'server.request': defineOperation({
    doc: 'Sends one HTTP request to the running embedded server (never anywhere else) and returns status, headers and body.',
    args: z
      .object({
        method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
        path: z.string().regex(/^\/(?!\/)[^\s\\]*$/, 'path must start with a single / and contain no spaces or backslashes').max(2048),
        body: z.unknown().optional(),
        headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/), z.string().max(4096)).optional(),
      })
      .strict(),
    result: z.object({ status: z.number().int(), headers: z.record(z.string(), z.string()), body: z.unknown(), ms: z.number() }),
  }),
};

export const serverEvents = {
  'server.status': defineEvent({ doc: 'The embedded server changed state.', payload: serverStatusSchema }),
  'server.log': defineEvent({ doc: 'One log line of the embedded server, as it is written.', payload: serverLogLineSchema }),
};
