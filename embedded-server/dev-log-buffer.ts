import type { DestinationStream } from 'pino';

/** One log line as `GET /__dev/logs` returns it: the pino level as a name, the message, the raw line. */
export interface DevLogEntry {
  level: string;
  msg: string;
  time: number;
  raw: string;
}

const LEVEL_NAMES: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const CAPACITY = 5_000;

/**
 * The server's recent log lines in memory (dev only), so a validator can check "1 WARN log event
 * for a used token" over HTTP without reading the process's stdout. Bounded; `POST /__dev/reset`
 * clears it.
 */
export class DevLogBuffer implements DestinationStream {
  private lines: DevLogEntry[] = [];

  write(chunk: string): void {
    for (const raw of chunk.split('\n')) {
      if (raw.trim() === '') continue;
      let level = 'info';
      let msg = raw;
      let time = Date.now();
      try {
        const parsed = JSON.parse(raw) as { level?: number; msg?: string; time?: number };
        level = LEVEL_NAMES[parsed.level ?? 30] ?? String(parsed.level);
        msg = parsed.msg ?? '';
        time = parsed.time ?? time;
      } catch {
        // Not pino JSON (the ready line): kept as text at info.
      }
      this.lines.push({ level, msg, time, raw });
    }
    if (this.lines.length > CAPACITY) this.lines.splice(0, this.lines.length - CAPACITY);
  }

  entries(): readonly DevLogEntry[] {
    return this.lines;
  }

  clear(): void {
    this.lines = [];
  }
}

/** Writes every chunk to both destinations (stdout and the dev buffer). */
export function teeDestination(a: DestinationStream, b: DestinationStream): DestinationStream {
  return { write: (chunk: string) => (a.write(chunk), b.write(chunk)) };
}
