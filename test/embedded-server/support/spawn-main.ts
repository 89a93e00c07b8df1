import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The server's entry and the checkout it runs from (cwd, so `--import tsx` resolves). */
export const MAIN = fileURLToPath(new URL('../../../embedded-server/main.ts', import.meta.url));
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

export interface MainProcess {
  child: ChildProcess;
  /** Every stdout line so far. */
  output: string[];
  /** The listening URL, once the ready line is out. */
  ready: Promise<string>;
}

/** embedded-server/main.ts in its own process group, stdout collected line by line. */
export function spawnMain(args: string[], env: Record<string, string | undefined> = {}): MainProcess {
  const base = { ...process.env };
  delete base.NODE_TEST_CONTEXT;
  delete base.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: REPO,
    env: { ...base, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const output: string[] = [];
  const ready = new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        output.push(line);
        const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
        if (match) resolve(match[1]!);
      }
    });
    child.stderr!.resume();
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
  });
  return { child, output, ready };
}

/** Log lines (pino JSON) whose msg is `msg`. */
export function linesWithMsg(output: readonly string[], msg: string): string[] {
  return output.filter((l) => l.includes(`"msg":"${msg}"`));
}
