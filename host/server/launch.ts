import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { z } from 'zod';
import { appRoot } from '../paths.js';
import { createDevApiClient, type DevApiClient, type OutboxEmail, type TokenRow } from './dev-api.js';
import { parseLogLine, type ServerLogLine } from './log-line.js';
import { childProcessLauncher, type ServerExit, type ServerLauncher, type ServerProcess } from './server-launcher.js';

export type { ServerExit } from './server-launcher.js';

export interface LaunchOptions {
  /** 0 picks a free port. */
  port: number;
  /** An existing PostgreSQL; omitted: the server starts an embedded one. Passed by environment, never on the command line. */
  databaseUrl?: string;
  /** One of `listDefects()`; an unknown name rejects with exitCode 2. */
  defect?: string;
  /** Mounts the dev control API (needed by `outbox`, `tokens`, `reset`, `dev`). */
  dev: boolean;
  /** Keep the embedded PostgreSQL's data here instead of a temporary dir. */
  dataDir?: string;
  /** Every line the server writes, parsed; called from the moment the process starts. */
  onLog?: (line: ServerLogLine) => void;
  /** Base environment of the server (default: this process's). DATABASE_URL and PORT in it are ignored. */
  env?: Record<string, string | undefined>;
  /** Aborting stops the server (during startup the launch rejects). */
  signal?: AbortSignal;
  /** Default 30 s: from spawn to the ready line. */
  readyTimeoutMs?: number;
  /** Default 10 s: after SIGTERM, before SIGKILL of the whole process group. */
  stopTimeoutMs?: number;
  /** The checkout holding embedded-server/ and node_modules/ (default: found from this file). */
  repoRoot?: string;
  /** How the process is started (default: a Node child process; the desktop app injects Electron's utilityProcess). */
  launcher?: ServerLauncher;
}

export interface EmbeddedServer {
  /** http://127.0.0.1:PORT, as printed by the server. */
  url: string;
  port: number;
  pid: number;
  /** Resolves when the server process has exited, however that happened. */
  exited: Promise<ServerExit>;
  /** SIGTERM (Express and PostgreSQL close), then SIGKILL of the process group after stopTimeoutMs. Safe to call twice. */
  stop(): Promise<ServerExit>;
  /** The whole dev API; its calls reject with DevApiError (404) unless launched with `dev: true`. */
  dev: DevApiClient;
  outbox(to?: string): Promise<OutboxEmail[]>;
  tokens(email?: string): Promise<TokenRow[]>;
  reset(): Promise<void>;
}

/** The server could not start: `exitCode` 2 means bad arguments (e.g. an unknown defect), 1 a runtime failure. */
export class EmbeddedServerStartError extends Error {
  override name = 'EmbeddedServerStartError';
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderr: string,
    /** The server process (already stopped or being stopped), when one was spawned. */
    readonly pid?: number,
    /** Resolves once that process has exited, so a caller shutting down can wait for it. */
    readonly exited?: Promise<ServerExit>,
  ) {
    super(message);
  }
}

export interface DefectInfo {
  name: string;
  description: string;
}

// From appRoot, not this file's URL: the bundled CLI (dist-cli/) runs this code one folder below the root.
const DEFAULT_REPO_ROOT = appRoot;
const READY_LINE = /^listening on (http:\/\/127\.0\.0\.1:(\d+))$/;

/**
 * Starts `embedded-server/main.ts` through the launcher (default: `node --import tsx` as a child
 * process in its own process group) and resolves once it prints its ready line. The server is
 * told to watch this process, so it shuts down by itself if this process dies.
 */
export function launchEmbeddedServer(options: LaunchOptions): Promise<EmbeddedServer> {
  const args = ['--port', String(options.port)];
  if (options.defect !== undefined) args.push('--defect', options.defect);
  if (options.dev) args.push('--dev');
  if (options.dataDir !== undefined) args.push('--data-dir', options.dataDir);

  const child = spawnServer(args, true, options);
  const exited = child.exited;
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  let stopping: Promise<ServerExit> | undefined;
  const stop = (): Promise<ServerExit> => (stopping ??= stopChild(child, exited, stopTimeoutMs));

  let stderr = '';
  let readyUrl: string | undefined;
  return new Promise<EmbeddedServer>((resolve, reject) => {
    const fail = (error: Error): void => {
      clearTimeout(timer);
      void stop();
      reject(error);
    };
    const timer = setTimeout(() => {
      fail(new EmbeddedServerStartError(`the embedded server printed no ready line within ${options.readyTimeoutMs ?? 30_000} ms${tail(stderr)}`, null, stderr, child.pid, exited));
    }, options.readyTimeoutMs ?? 30_000);

    const onAbort = (): void => {
      if (readyUrl === undefined) fail(new EmbeddedServerStartError('the launch was aborted', null, stderr, child.pid, exited));
      else void stop();
    };
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    void exited.then(() => options.signal?.removeEventListener('abort', onAbort));

    const stdoutLines = lines(child.stdout, (raw) => {
      options.onLog?.(parseLogLine(raw, 'stdout'));
      const match = READY_LINE.exec(raw);
      if (!match || readyUrl !== undefined) return;
      readyUrl = match[1]!;
      clearTimeout(timer);
      if (!options.onLog) {
        // Nobody listens any more: drain without splitting lines (a busy server writes thousands a second).
        stdoutLines.close();
        child.stdout.resume();
      }
      const dev = createDevApiClient(readyUrl);
      resolve({
        url: readyUrl,
        port: Number(match[2]),
        pid: child.pid!,
        exited,
        stop,
        dev,
        outbox: (to) => dev.outbox(to),
        tokens: (email) => dev.tokens(email),
        reset: () => dev.reset(),
      });
    });
    lines(child.stderr, (raw) => {
      stderr = (stderr + raw + '\n').slice(-8_000);
      options.onLog?.(parseLogLine(raw, 'stderr'));
    });
    child.onError((error) => fail(new EmbeddedServerStartError(`cannot start the embedded server: ${error.message}`, null, stderr)));
    void exited.then(async ({ code, signal }) => {
      if (readyUrl !== undefined) return;
      // Let the last stderr lines arrive before quoting them.
      await new Promise((r) => setTimeout(r, 50));
      const reason = stderr.trim() || `exited with ${code ?? signal}`;
      fail(new EmbeddedServerStartError(reason, code, stderr, child.pid, exited));
    });
  });
}

/** The defects the server knows, from `main.ts --list-defects` (so host/ never imports embedded-server/). */
export async function listDefects(options: Pick<LaunchOptions, 'repoRoot' | 'env' | 'launcher'> = {}): Promise<DefectInfo[]> {
  const child = spawnServer(['--list-defects'], false, options);
  let out = '';
  let err = '';
  const drained = (stream: NodeJS.ReadableStream, onText: (text: string) => void) =>
    new Promise<void>((resolve) => {
      stream.on('data', (chunk: Buffer) => onText(chunk.toString('utf8')));
      stream.once('end', resolve);
      stream.once('close', resolve);
    });
  const output = Promise.all([drained(child.stdout, (t) => (out += t)), drained(child.stderr, (t) => (err += t))]);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.onError(reject);
    void child.exited.then(async ({ code }) => {
      await output;
      resolve(code);
    });
  });
  if (code !== 0) throw new EmbeddedServerStartError(`--list-defects failed: ${err.trim() || `exit ${code}`}`, code, err);
  const defects = out
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => /^(\S+)\s+(.+)$/.exec(l))
    .map((m) => ({ name: m?.[1], description: m?.[2] }));
  return z.array(z.object({ name: z.string().regex(/^[a-z0-9-]+$/), description: z.string().min(1) })).parse(defects);
}

function spawnServer(args: string[], watchParent: boolean, options: Pick<LaunchOptions, 'repoRoot' | 'env' | 'databaseUrl' | 'launcher'>): ServerProcess {
  const repoRoot = options.repoRoot ?? DEFAULT_REPO_ROOT;
  const env: Record<string, string | undefined> = { ...(options.env ?? process.env) };
  delete env.DATABASE_URL;
  delete env.PORT;
  // A child of the test runner must not think it is one of the runner's test files.
  delete env.NODE_TEST_CONTEXT;
  if (options.databaseUrl !== undefined) env.DATABASE_URL = options.databaseUrl;
  const launcher = options.launcher ?? childProcessLauncher;
  return launcher.launch({ script: path.join(repoRoot, 'embedded-server', 'main.ts'), args, cwd: repoRoot, env, watchParent });
}

async function stopChild(child: ServerProcess, exited: Promise<ServerExit>, timeoutMs: number): Promise<ServerExit> {
  if (child.running()) {
    child.terminate();
    const timer = setTimeout(() => child.kill(), timeoutMs);
    const result = await exited;
    clearTimeout(timer);
    return result;
  }
  return exited;
}

function lines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): Interface {
  return createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
}

function tail(text: string): string {
  const last = text.trim().split('\n').slice(-5).join('\n');
  return last ? `: ${last}` : '';
}
