import { execFile } from 'node:child_process';
import { globToRegExp, mentionsSpec } from '../../core/flow/glob.js';

export type Detection =
  | { status: 'found'; at: string; commit: string; subject: string; reason: 'message' | 'path' }
  | { status: 'none'; reason: string }
  | { status: 'off'; reason: string };

const MAX_COMMITS = 5000;
const TIMEOUT_MS = 15_000;
const MAX_BUFFER = 32 * 1024 * 1024;

function git(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ stdout: string; error: NodeJS.ErrnoException | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: TIMEOUT_MS, maxBuffer: MAX_BUFFER, env: { ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, windowsHide: true }, (error, stdout, stderr) =>
      resolve({ stdout: String(stdout), stderr: String(stderr), error: error as NodeJS.ErrnoException | null }),
    );
  });
}

/**
 * The first commit after `approvedAt` whose message names one of the spec's ids or that touches a
 * path matching one of its `implementation:` globs (relative to the repository root), read with
 * `git log` (bounded: the newest 5,000 commits after approval, 15 s). Without git, or outside a
 * repository, detection is off with the reason.
 */
export async function detectImplementationStart(input: {
  repoDir: string;
  approvedAt: string;
  specIds: string[];
  globs: string[];
  env?: NodeJS.ProcessEnv;
}): Promise<Detection> {
  const env = input.env ?? process.env;
  const top = await git(['rev-parse', '--show-toplevel'], input.repoDir, env);
  if (top.error) {
    if (top.error.code === 'ENOENT') return { status: 'off', reason: 'git is not installed (or not on PATH); set implementation start by hand' };
    return { status: 'off', reason: `${input.repoDir} is not in a git repository; set implementation start by hand` };
  }
  const root = top.stdout.trim();
  const log = await git(
    ['log', `--max-count=${MAX_COMMITS}`, `--since=${input.approvedAt}`, '--format=%x1e%H%x1f%cI%x1f%s%x1f%b%x1f', '--name-only', '--no-renames', 'HEAD'],
    root,
    env,
  );
  if (log.error) {
    if (/does not have any commits|bad default revision|unknown revision/i.test(log.stderr)) return { status: 'none', reason: 'the repository has no commits yet' };
    return { status: 'off', reason: `git log failed: ${log.stderr.trim().split('\n')[0] || log.error.message}` };
  }
  const patterns = input.globs.map(globToRegExp);
  const approved = Date.parse(input.approvedAt);
  let first: Detection | null = null;
  let firstTime = Infinity;
  for (const chunk of log.stdout.split('\x1e')) {
    if (!chunk.trim()) continue;
    const [commit, at, subject, body, files = ''] = chunk.split('\x1f');
    const time = Date.parse(at);
    if (!(time > approved) || time >= firstTime) continue;
    const byMessage = mentionsSpec(`${subject}\n${body}`, input.specIds);
    const byPath = !byMessage && patterns.length > 0 && files.split('\n').some((f) => f && patterns.some((p) => p.test(f.trim())));
    if (byMessage || byPath) {
      first = { status: 'found', at: new Date(time).toISOString(), commit, subject, reason: byMessage ? 'message' : 'path' };
      firstTime = time;
    }
  }
  return first ?? { status: 'none', reason: `no commit after approval names ${input.specIds.join(' or ')}${input.globs.length ? ` or touches ${input.globs.join(', ')}` : ''}` };
}
