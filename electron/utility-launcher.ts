import type { ForkOptions, UtilityProcess } from 'electron';
import type { ServerExit, ServerLauncher } from '../host/server/server-launcher.js';

/** `utilityProcess.fork`'s shape; tests pass an in-process fake. */
export type UtilityFork = (modulePath: string, args: string[], options: ForkOptions) => UtilityProcess;

/**
 * The embedded server as an Electron utility process. Packaged builds turn the RunAsNode fuse
 * off, so `process.execPath` (Electron) can no longer run a script as Node; a utility process is
 * Electron's own Node child. It has no stdin, so there is no stdin lifeline: Electron ends its
 * utility processes with the main process, and PostgreSQL watches the server (its own lifeline).
 */
export function utilityProcessLauncher(fork: UtilityFork, tsxLoader: string = import.meta.resolve('tsx')): ServerLauncher {
  return {
    launch({ script, args, cwd, env }) {
      const child = fork(script, args, {
        cwd,
        env: Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)),
        // The server is TypeScript; the loader by absolute URL, since cwd need not hold node_modules.
        execArgv: ['--import', tsxLoader],
        stdio: 'pipe',
        serviceName: 'Specbench embedded server',
      });
      // Both are null after 'exit', and pid is undefined before 'spawn': keep what we saw.
      const stdout = child.stdout!;
      const stderr = child.stderr!;
      let pid: number | undefined;
      let alive = true;
      child.once('spawn', () => (pid = child.pid));
      const exited = new Promise<ServerExit>((resolve) =>
        child.once('exit', (code) => {
          alive = false;
          resolve({ code, signal: null });
        }),
      );
      return {
        get pid() {
          return pid ?? child.pid;
        },
        stdout,
        stderr,
        exited,
        onError: (listener) => void child.once('error', (type, location) => listener(new Error(`the embedded server's utility process failed (${type} at ${location})`))),
        running: () => alive,
        terminate: () => void child.kill(),
        kill: () => {
          try {
            if (pid !== undefined) process.kill(pid, 'SIGKILL');
          } catch {
            // Already gone.
          }
        },
      };
    },
  };
}
