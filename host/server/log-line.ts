import { z } from 'zod';

export type ServerLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** One line the embedded server wrote, parsed. */
export interface ServerLogLine {
  level: ServerLogLevel;
  /** Epoch milliseconds (the server's wall clock, not its dev clock). */
  time: number;
  msg: string;
  /** Every other field of the pino object (userId, emailDomain, status, ms, …). */
  fields: Record<string, unknown>;
  stream: 'stdout' | 'stderr';
  /** The line as written. */
  raw: string;
}

const pinoLine = z.looseObject({
  level: z.number().int(),
  time: z.number(),
  msg: z.string().optional(),
});

const LEVELS: ReadonlyArray<[number, ServerLogLevel]> = [
  [60, 'fatal'],
  [50, 'error'],
  [40, 'warn'],
  [30, 'info'],
  [20, 'debug'],
  [0, 'trace'],
];

export function levelName(level: number): ServerLogLevel {
  return (LEVELS.find(([min]) => level >= min) ?? [0, 'trace'])[1];
}

/**
 * pino JSON → {level, time, msg, fields}. Anything else (the ready line, a Node warning) is kept
 * as its text: `info` on stdout, `error` on stderr.
 */
export function parseLogLine(raw: string, stream: 'stdout' | 'stderr', now: () => number = Date.now): ServerLogLine {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = undefined;
  }
  const parsed = pinoLine.safeParse(json);
  if (!parsed.success) return { level: stream === 'stderr' ? 'error' : 'info', time: now(), msg: raw, fields: {}, stream, raw };
  const { level, time, msg, ...fields } = parsed.data;
  return { level: levelName(level), time, msg: msg ?? '', fields, stream, raw };
}
