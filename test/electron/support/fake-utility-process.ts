import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { ForkOptions, UtilityProcess } from 'electron';

/** One recorded `utilityProcess.fork` call. */
export interface ForkCall {
  modulePath: string;
  args: string[];
  options: ForkOptions;
}

/**
 * An in-process stand-in for Electron's `utilityProcess.fork`, backed by a real Node child so the
 * embedded server really runs. Faithful where the launcher depends on it: stdin is not
 * available, `env` replaces the environment, `execArgv` goes before the module, `pid` is
 * undefined until 'spawn' and `stdout`/`stderr`/`pid` are cleared after 'exit', 'exit' carries
 * only a code, `kill()` is SIGTERM, and the child is not a process-group leader.
 */
export class FakeUtilityProcess extends EventEmitter {
  pid: number | undefined;
  stdout: NodeJS.ReadableStream | null;
  stderr: NodeJS.ReadableStream | null;
  private readonly child: ChildProcess;

  constructor({ modulePath, args, options }: ForkCall) {
    super();
    if (options.stdio !== 'pipe') throw new Error('this fake supports stdio: "pipe" only');
    this.child = spawn(process.execPath, [...(options.execArgv ?? []), modulePath, ...args], {
      cwd: options.cwd,
      env: (options.env ?? process.env) as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.stdout = this.child.stdout;
    this.stderr = this.child.stderr;
    this.child.once('spawn', () => {
      this.pid = this.child.pid;
      this.emit('spawn');
    });
    this.child.once('exit', (code, signal) => {
      this.pid = undefined;
      this.stdout = null;
      this.stderr = null;
      // Electron reports the waitpid status as a code; a signal death is not a separate field.
      this.emit('exit', code ?? (signal ? 128 : 1));
    });
  }

  kill(): boolean {
    return this.child.kill('SIGTERM');
  }
}

/** A `utilityProcess.fork` that records every call and returns a `FakeUtilityProcess`. */
export function fakeUtilityFork() {
  const calls: ForkCall[] = [];
  const processes: FakeUtilityProcess[] = [];
  const fork = (modulePath: string, args: string[] = [], options: ForkOptions = {}): UtilityProcess => {
    const call = { modulePath, args, options };
    calls.push(call);
    const child = new FakeUtilityProcess(call);
    processes.push(child);
    return child as unknown as UtilityProcess;
  };
  return { fork, calls, processes };
}
