import { execFileSync } from 'node:child_process';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  stat: string;
  args: string;
}

function processTable(): ProcessInfo[] {
  return execFileSync('ps', ['-eo', 'pid=,ppid=,stat=,args='])
    .toString()
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), stat: m[3], args: m[4] }));
}

/**
 * The embedded server this test process launched (`embedded-server/main.ts`, not a
 * `--list-defects` probe) and every process below it (its PostgreSQL), or null.
 */
export function embeddedServerTree(parent = process.pid): (ProcessInfo & { descendants: ProcessInfo[] }) | null {
  const table = processTable();
  const server = table.find((p) => p.ppid === parent && p.args.includes('embedded-server/main.ts') && !p.args.includes('--list-defects'));
  if (!server) return null;
  const descendants: ProcessInfo[] = [];
  const queue = [server.pid];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    for (const child of table.filter((p) => p.ppid === pid)) {
      descendants.push(child);
      queue.push(child.pid);
    }
  }
  return { ...server, descendants };
}

/** True while the process exists and has not exited (a zombie awaiting its reaper has exited). */
export function running(pid: number): boolean {
  const entry = processTable().find((p) => p.pid === pid);
  return entry !== undefined && !entry.stat.startsWith('Z');
}
