import type { ServerLogEntry, ServerStatus } from '../../core/contract/ops/server.js';
import { HostError } from '../common/host-error.js';
import { magicLinkIn } from './dev-api.js';
import { EmbeddedServerStartError, launchEmbeddedServer, listDefects, type DefectInfo, type EmbeddedServer } from './launch.js';
import { childProcessLauncher, type ServerLauncher } from './server-launcher.js';

const LOG_LIMIT = 2000;

/**
 * The workbench's one embedded server: start/stop with a clear state machine, a bounded log
 * buffer, and status/log events for the Server panel. Requests go only to that server.
 */
export class ServerManager {
  private server: EmbeddedServer | null = null;
  private status: ServerStatus = { state: 'stopped', url: null, port: null, defect: null, error: null, startedAt: null, startMs: null };
  private readonly logs: ServerLogEntry[] = [];
  private defects: DefectInfo[] | null = null;
  /** The launch in progress: aborted by `dispose()`; `settled` resolves once its process (if any) has exited or is running. */
  private launching: { controller: AbortController; settled: Promise<unknown> } | null = null;
  private disposing: Promise<void> | null = null;
  /** The launch that Stop cancelled: its abort is the user's wish, not a failure. */
  private cancelled: AbortController | null = null;

  constructor(
    private readonly events: {
      status(status: ServerStatus): void;
      log(line: ServerLogEntry): void;
    },
    private readonly env: Record<string, string | undefined> = process.env,
    /** How the server process starts: a Node child process by default; Electron main injects its utilityProcess launcher. */
    private readonly launcher: ServerLauncher = childProcessLauncher,
  ) {}

  current(): ServerStatus {
    return { ...this.status };
  }

  async listDefects(): Promise<DefectInfo[]> {
    this.defects ??= await listDefects({ env: this.env, launcher: this.launcher });
    return this.defects;
  }

  async start(port: number, defect: string | undefined): Promise<ServerStatus> {
    this.refuseWhenDisposed();
    if (this.status.state === 'running' || this.status.state === 'starting') {
      throw new HostError('SERVER_RUNNING', `the server is already ${this.status.state}${this.status.url ? ` at ${this.status.url}` : ''}; stop it first`);
    }
    if (defect && !(await this.listDefects()).some((d) => d.name === defect)) {
      throw new HostError('UNKNOWN_DEFECT', `unknown defect "${defect}" (valid: ${(await this.listDefects()).map((d) => d.name).join(', ')})`);
    }
    // Checked again: listing the defects awaited, and a shutdown may have begun meanwhile.
    this.refuseWhenDisposed();
    const started = Date.now();
    this.logs.length = 0;
    this.setStatus({ state: 'starting', url: null, port: null, defect: defect ?? null, error: null, startedAt: null, startMs: null });
    const controller = new AbortController();
    const launch = launchEmbeddedServer({
      port,
      dev: true,
      env: this.env,
      launcher: this.launcher,
      signal: controller.signal,
      ...(defect ? { defect } : {}),
      onLog: (line) => this.pushLog({ level: line.level, time: line.time, msg: line.msg, fields: line.fields }),
    });
    const settled = launch.then(
      () => undefined,
      (error: unknown) => (error instanceof EmbeddedServerStartError ? error.exited : undefined),
    );
    this.launching = { controller, settled };
    try {
      const server = await launch;
      this.server = server;
      void server.exited.then((exit) => {
        if (this.server !== server) return;
        this.server = null;
        const expected = this.status.state === 'stopping';
        this.setStatus({ ...this.status, state: expected ? 'stopped' : 'failed', url: null, port: null, error: expected ? null : `the server exited (code ${exit.code ?? exit.signal})` });
      });
      this.setStatus({ state: 'running', url: server.url, port: server.port, defect: defect ?? null, error: null, startedAt: new Date(started).toISOString(), startMs: Date.now() - started });
    } catch (error) {
      if (this.cancelled === controller) {
        this.setStatus({ ...this.status, state: 'stopped', error: null });
        throw new HostError('SERVER_START_CANCELLED', 'the server start was cancelled by Stop');
      }
      if (this.disposing) {
        // Aborted by shutdown: not a failure the Server panel should report.
        this.setStatus({ ...this.status, state: 'stopped', error: null });
        throw new HostError('SHUTTING_DOWN', 'the workbench is shutting down; the embedded server was not started');
      }
      const message = error instanceof EmbeddedServerStartError ? `${error.message}${error.stderr ? `: ${error.stderr.trim().split('\n').slice(-1)[0]}` : ''}` : error instanceof Error ? error.message : String(error);
      this.setStatus({ ...this.status, state: 'failed', error: message });
      throw new HostError('SERVER_START_FAILED', message);
    } finally {
      if (this.launching?.controller === controller) this.launching = null;
    }
    return this.current();
  }

  /**
   * Shutdown: aborts a launch in progress or stops the running server, and resolves once its
   * process group (the server and its PostgreSQL) has exited. Idempotent; refuses new starts.
   */
  dispose(): Promise<void> {
    this.disposing ??= (async () => {
      const launching = this.launching;
      if (launching) {
        // Aborting a launch kills the process (SIGTERM, then SIGKILL of its group); wait for it.
        if (this.status.state === 'starting') launching.controller.abort();
        await launching.settled;
      }
      await this.stop().catch(() => undefined);
    })();
    return this.disposing;
  }

  private refuseWhenDisposed(): void {
    if (this.disposing) throw new HostError('SHUTTING_DOWN', 'the workbench is shutting down; the embedded server cannot start');
  }

  async stop(): Promise<ServerStatus> {
    const launching = this.launching;
    if (launching && this.status.state === 'starting') {
      // Stop while starting cancels the launch (its process group is killed) and waits for it.
      this.cancelled = launching.controller;
      this.setStatus({ ...this.status, state: 'stopping' });
      launching.controller.abort();
      await launching.settled;
      // Let start() see the outcome first: a launch that won the race is running and is stopped below.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const server = this.server;
    if (!server) return this.current();
    this.setStatus({ ...this.status, state: 'stopping' });
    await server.stop();
    this.server = null;
    this.setStatus({ ...this.status, state: 'stopped', url: null, port: null, error: null });
    return this.current();
  }

  recentLogs(limit: number): ServerLogEntry[] {
    return this.logs.slice(-limit);
  }

  running(): EmbeddedServer {
    if (!this.server || this.status.state !== 'running') throw new HostError('SERVER_NOT_RUNNING', 'the embedded server is not running; press Start first');
    return this.server;
  }

  async outbox(to?: string) {
    const emails = await this.running().outbox(to);
    return emails.map((e) => ({ ...e, link: magicLinkIn(e) }));
  }

  /** One request to the running server only: the URL is built from its origin, never taken from the caller. */
  async request(method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
    const server = this.running();
    const target = new URL(path, server.url);
    if (target.origin !== new URL(server.url).origin) throw new HostError('INVALID_PATH', `${path} does not name a path on the embedded server`);
    const started = performance.now();
    const response = await fetch(target, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: the text is the body.
    }
    return { status: response.status, headers: Object.fromEntries(response.headers.entries()), body: parsed, ms: performance.now() - started };
  }

  private pushLog(line: ServerLogEntry): void {
    this.logs.push(line);
    if (this.logs.length > LOG_LIMIT) this.logs.splice(0, this.logs.length - LOG_LIMIT);
    this.events.log(line);
  }

  private setStatus(status: ServerStatus): void {
    this.status = status;
    this.events.status(this.current());
  }
}
