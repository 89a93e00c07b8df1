import { spawn } from 'node:child_process';

export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** What to run: `script` (embedded-server/main.ts, TypeScript) with `args`, loaded through tsx. */
export interface ServerLaunchRequest {
  script: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  /**
   * The server should stop by itself if this process dies (a long-running server, not a one-shot
   * query). Each launcher keeps that promise its own way.
   */
  watchParent: boolean;
}

/** One running server process, whatever started it. */
export interface ServerProcess {
  /** Undefined until (or unless) the process has started. */
  readonly pid: number | undefined;
  readonly stdout: NodeJS.ReadableStream;
  readonly stderr: NodeJS.ReadableStream;
  /** Resolves once, when the process has exited or could not be started at all. */
  readonly exited: Promise<ServerExit>;
  /** The process could not be started (or died of a fatal error). */
  onError(listener: (error: Error) => void): void;
  /** Still running: not yet exited. */
  running(): boolean;
  /** The polite stop: SIGTERM, so the server closes Express and PostgreSQL. */
  terminate(): void;
  /** The last resort: SIGKILL of the process and whatever it started. */
  kill(): void;
}

/**
 * How the embedded server's process is started. The CLI and browser mode use plain Node child
 * processes (`childProcessLauncher`); the desktop app injects one built on Electron's
 * `utilityProcess`, because packaged builds turn the RunAsNode fuse off and `process.execPath`
 * can no longer act as Node. host/ only sees this interface, never Electron.
 */
export interface ServerLauncher {
  launch(request: ServerLaunchRequest): ServerProcess;
}

/**
 * `node --import tsx script …` as a child process in its own process group (so a last-resort
 * SIGKILL reaches PostgreSQL too). With `watchParent` the child gets `--stdin-lifeline`: if this
 * process dies, the closed pipe makes the server stop itself.
 */
export const childProcessLauncher: ServerLauncher = {
  launch({ script, args, cwd, env, watchParent }) {
    const childEnv = { ...env };
    // Inside (unpackaged) Electron, process.execPath is Electron itself; this makes it behave as plain Node.
    if (process.versions.electron) childEnv.ELECTRON_RUN_AS_NODE = '1';
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args, ...(watchParent ? ['--stdin-lifeline'] : [])], {
      cwd,
      env: childEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    const exited = new Promise<ServerExit>((resolve) => {
      child.once('exit', (code, signal) => {
        // An open stdin pipe would keep this process alive after the server is gone.
        child.stdin?.destroy();
        resolve({ code, signal });
      });
      // A process that could not be spawned at all never emits 'exit'.
      child.once('error', () => child.pid === undefined && resolve({ code: null, signal: null }));
    });
    return {
      get pid() {
        return child.pid;
      },
      stdout: child.stdout!,
      stderr: child.stderr!,
      exited,
      onError: (listener) => void child.once('error', listener),
      running: () => child.exitCode === null && child.signalCode === null,
      terminate: () => void child.kill('SIGTERM'),
      kill: () => {
        try {
          if (process.platform === 'win32' || child.pid === undefined) child.kill('SIGKILL');
          else process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      },
    };
  },
};
