import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A watcher that outlives the server: a tiny shell holding the read end of a pipe whose write end
 * only this process has. When this process dies, even by SIGKILL, the pipe closes, `read` returns,
 * and the watcher stops the postmaster: SIGINT first (fast shutdown: the commits that
 * synchronous_commit=off has not flushed yet are kept), SIGQUIT (immediate) after three seconds,
 * SIGKILL after four and a half; then it deletes a temporary cluster. It checks that the pid still runs
 * postgres on this data dir first, so a reused pid is never signalled.
 */
const WATCHER = `
read -r _ 2>/dev/null
# A zombie's cmdline is empty: it counts as gone. Without /proc, kill -0 is all there is.
ours() {
  [ -d /proc ] || { kill -0 "$1" 2>/dev/null; return; }
  tr '\\000' ' ' < "/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"
}
if ours "$1" "$2"; then
  kill -INT "$1" 2>/dev/null
  i=0
  while ours "$1" "$2" && [ "$i" -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
  ours "$1" "$2" && kill -QUIT "$1" 2>/dev/null
  while ours "$1" "$2" && [ "$i" -lt 45 ]; do sleep 0.1; i=$((i + 1)); done
  ours "$1" "$2" && kill -KILL "$1" 2>/dev/null
fi
if [ -n "$3" ]; then rm -rf -- "$3"; fi
`;

export interface Lifeline {
  /** Ends the watcher without it touching PostgreSQL: the server is stopping it itself, or it is gone. */
  release(): void;
}

/**
 * Ties the postmaster `pid` (running on `dataDir`) to this process's life. `tempRoot`, when given,
 * is deleted by the watcher after PostgreSQL has exited. A no-op on Windows (no sh).
 */
export function startLifeline(pid: number, dataDir: string, tempRoot: string | undefined): Lifeline {
  if (process.platform === 'win32') return { release: () => undefined };
  const watcher: ChildProcess = spawn('/bin/sh', ['-c', WATCHER, 'specbench-pg-lifeline', String(pid), dataDir, tempRoot ?? ''], {
    stdio: ['pipe', 'ignore', 'ignore'],
    // Its own process group: a Ctrl+C meant for the server must not end the watcher before it has acted.
    detached: true,
  });
  watcher.on('error', () => undefined);
  watcher.stdin?.on('error', () => undefined);
  // Neither the watcher nor its pipe keeps the event loop alive.
  watcher.unref();
  (watcher.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      watcher.kill('SIGKILL');
      watcher.stdin?.destroy();
    },
  };
}
