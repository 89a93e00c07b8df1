import { readdirSync, readFileSync } from 'node:fs';

interface ProcInfo {
  pid: number;
  ppid: number;
  state: string;
  cmdline: string[];
}

function readProc(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a.length > 0);
    return { pid, ppid: Number(fields[1]), state: fields[0]!, cmdline };
  } catch {
    return null;
  }
}

function allProcs(): ProcInfo[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .map((e) => readProc(Number(e)))
    .filter((p): p is ProcInfo => p !== null);
}

/** The postmaster the server `serverPid` started: its postgres child and the data dir after `-D`. */
export function postmasterOf(serverPid: number): { pid: number; dataDir: string } | null {
  const child = allProcs().find((p) => p.ppid === serverPid && p.state !== 'Z' && /(^|\/)postgres$/.test(p.cmdline[0] ?? ''));
  if (!child) return null;
  const dataDir = child.cmdline[child.cmdline.indexOf('-D') + 1];
  return dataDir ? { pid: child.pid, dataDir } : null;
}

/**
 * Live (non-zombie) postgres processes on `dataDir`: the postmaster names it on its command line,
 * and its backends are its children. A zombie is dead; reaping it is pid 1's business.
 */
export function postgresOn(dataDir: string, postmasterPid: number): number[] {
  return allProcs()
    .filter((p) => p.state !== 'Z')
    .filter((p) => p.pid === postmasterPid || p.ppid === postmasterPid || (p.cmdline.some((a) => a === dataDir) && /postgres/.test(p.cmdline[0] ?? '')))
    .map((p) => p.pid);
}

export async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}
