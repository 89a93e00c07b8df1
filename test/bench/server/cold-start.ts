import { launchEmbeddedServer, type ServerLogLine } from '../../../host/server/index.js';

export interface ColdStart {
  /** From spawning the process to its ready line, as the launcher sees it. */
  totalMs: number;
  /** initdb, or the copy of the template cluster. */
  initMs: number;
  pgStartMs: number;
  migrationsMs: number;
}

/** One launch of main.ts with an embedded PostgreSQL, then a stop. */
export async function measureColdStart(env: Record<string, string | undefined>): Promise<ColdStart> {
  const logs: ServerLogLine[] = [];
  const started = process.hrtime.bigint();
  const server = await launchEmbeddedServer({ port: 0, dev: false, env, onLog: (line) => logs.push(line) });
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  await server.stop();
  const field = (msg: string, name: string): number => Number(logs.find((l) => l.msg === msg)?.fields[name] ?? Number.NaN);
  return {
    totalMs,
    initMs: field('embedded PostgreSQL ready', 'initMs'),
    pgStartMs: field('embedded PostgreSQL ready', 'startMs'),
    migrationsMs: field('migrations applied', 'ms'),
  };
}
