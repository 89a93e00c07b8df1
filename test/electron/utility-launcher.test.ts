import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { OperationName } from '../../core/contract/operations.js';
import { utilityProcessLauncher } from '../../electron/utility-launcher.js';
import { appRoot } from '../../host/paths.js';
import { disposeHostServices } from '../../host/services.js';
import { embeddedServerTree } from '../host/server/processes.js';
import { openDesktopSession, type DesktopSession } from './support/desktop-session.js';
import { fakeUtilityFork } from './support/fake-utility-process.js';

// Packaged builds turn the RunAsNode fuse off, so main must start the embedded server through
// utilityProcess.fork, not by spawning process.execPath. Wired as electron/main.ts wires it
// (createHostServices with utilityProcessLauncher), driven through the preload bridge, over a
// fake utilityProcess backed by a real Node child.

describe('Electron embedded server through utilityProcess.fork (fake utilityProcess, real server)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'specbench-utility-'));
  const utility = fakeUtilityFork();
  let session: DesktopSession;

  before(async () => {
    session = await openDesktopSession({ dataDir: join(dir, 'data'), dialogs: {}, services: { serverLauncher: utilityProcessLauncher(utility.fork) } });
  });
  after(async () => {
    await disposeHostServices(session.context);
    rmSync(dir, { recursive: true, force: true });
  });

  const ok = <T = Record<string, unknown>>(name: OperationName, args: unknown): Promise<T> => session.ok<T>(name, args);

  it('lists the defects through a forked utility process running main.ts with the tsx loader', async () => {
    const { defects } = await ok<{ defects: Array<{ name: string }> }>('server.defects', {});
    assert.ok(defects.length > 0);
    assert.equal(utility.calls.length, 1, 'the defect list came from utilityProcess.fork');
    const [call] = utility.calls;
    assert.equal(call.modulePath, join(appRoot, 'embedded-server', 'main.ts'));
    assert.deepEqual(call.args, ['--list-defects']);
    assert.equal(call.options.execArgv?.[0], '--import');
    assert.match(call.options.execArgv?.[1] ?? '', /^file:\/\/.*\/tsx\/dist\/loader\.mjs$/);
    assert.equal(call.options.stdio, 'pipe');
  });

  it('starts, answers and stops the server as a utility process: no RunAsNode, no stdin lifeline', async () => {
    const status = await ok<{ state: string; url: string }>('server.start', { port: 0 });
    assert.equal(status.state, 'running');
    const call = utility.calls.at(-1)!;
    assert.equal(utility.calls.length, 2);
    assert.ok(call.args.includes('--dev'), call.args.join(' '));
    assert.ok(!call.args.includes('--stdin-lifeline'), 'a utility process has no stdin to watch');
    const env = call.options.env as Record<string, string>;
    assert.equal(env.ELECTRON_RUN_AS_NODE, undefined, 'packaged builds ignore RunAsNode; it must not be relied on');
    assert.equal(env.DATABASE_URL, undefined);
    const child = utility.processes.at(-1)!;
    assert.equal(embeddedServerTree()?.pid, child.pid, 'the running server is the forked process');

    const verifyPage = await ok<{ status: number }>('server.request', { method: 'GET', path: '/auth/magic-link/verify' });
    assert.equal(verifyPage.status, 200);
    const logs = await ok<{ lines: Array<{ msg: string }> }>('server.logs', { limit: 200 });
    assert.ok(logs.lines.some((l) => l.msg === 'server started'), 'its stdout reaches the Server panel log');

    const exited = new Promise<number>((resolve) => child.once('exit', resolve));
    assert.equal((await ok<{ state: string }>('server.stop', {})).state, 'stopped');
    assert.equal(await exited, 0, 'kill() (SIGTERM) let the server shut down cleanly');
    assert.equal(embeddedServerTree(), null, 'neither the server nor its PostgreSQL is left');
  });
});
