import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { appRoot } from '../../../host/paths.js';

export interface TeamProcess {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `specbench team serve` (the real CLI, its own process) and waits until `/readyz` answers 200. */
export async function startTeamProcess(databaseUrl: string, port: number): Promise<TeamProcess> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(appRoot, 'host', 'cli', 'bin.mjs'), 'team', 'serve', '--listen', `127.0.0.1:${port}`, '--public-url', base, '--log-level', 'warn'], {
    env: { ...process.env, SPECBENCH_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`team serve on port ${port} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`team serve on port ${port} was not ready within 30 s`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
