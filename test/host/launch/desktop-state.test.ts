import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  DESKTOP_RETRY_AFTER_MS,
  decideDesktopDownload,
  readDesktopState,
  recordDesktopUnavailable,
  resolveDesktopRuntime,
} from '../../../host/launch/desktop-state.js';
import type { ElectronLookup } from '../../../host/launch/electron-binary.js';

const dir = mkdtempSync(join(tmpdir(), 'specbench-desktop-state-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshFile = () => join(dir, `case-${++n}`, 'desktop-unavailable.json');

const t0 = new Date('2026-12-03T10:00:00.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
const HOUR = 60 * 60 * 1000;

describe('decideDesktopDownload', () => {
  const state = { unavailableAt: t0.toISOString(), reason: 'offline' };
  it('downloads when nothing is remembered', () => {
    assert.deepEqual(decideDesktopDownload(null, { now: t0, retryRequested: false }), { action: 'download' });
  });
  it('skips within a day of a remembered failure, saying why and since when', () => {
    assert.deepEqual(decideDesktopDownload(state, { now: later(23 * HOUR), retryRequested: false }), { action: 'skip', reason: 'offline', since: state.unavailableAt });
  });
  it('downloads again after a day, or at once with --retry-desktop', () => {
    assert.deepEqual(decideDesktopDownload(state, { now: later(DESKTOP_RETRY_AFTER_MS), retryRequested: false }), { action: 'download' });
    assert.deepEqual(decideDesktopDownload(state, { now: later(HOUR), retryRequested: true }), { action: 'download' });
  });
  it('does not trust a failure dated in the future (the clock moved back)', () => {
    assert.deepEqual(decideDesktopDownload(state, { now: later(-HOUR), retryRequested: false }), { action: 'download' });
  });
});

describe('the remembered state file', () => {
  it('round-trips, and reads as nothing when missing or malformed', () => {
    const file = freshFile();
    assert.equal(readDesktopState(file), null);
    recordDesktopUnavailable('no network', t0, file);
    assert.deepEqual(readDesktopState(file), { unavailableAt: t0.toISOString(), reason: 'no network' });
    writeFileSync(file, '{"unavailableAt":"yesterday","reason":"x"}');
    assert.equal(readDesktopState(file), null);
    writeFileSync(file, 'not json');
    assert.equal(readDesktopState(file), null);
  });
});

describe('resolveDesktopRuntime (what npm start does)', () => {
  function deps(file: string, lookup: ElectronLookup, options: { now?: Date; retry?: boolean; installed?: string | null } = {}) {
    const calls = { locate: 0 };
    return {
      calls,
      deps: {
        installed: () => options.installed ?? null,
        locate: () => {
          calls.locate++;
          return lookup;
        },
        now: options.now ?? t0,
        retryRequested: options.retry ?? false,
        file,
      },
    };
  }
  const offline: ElectronLookup = { ok: false, reason: 'the Electron binary could not be downloaded (getaddrinfo ENOTFOUND)' };

  it('tries the download once, then remembers the failure instead of retrying at every start', () => {
    const file = freshFile();
    const first = deps(file, offline);
    assert.deepEqual(resolveDesktopRuntime(first.deps), offline);
    assert.equal(first.calls.locate, 1);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).reason, offline.reason);

    const second = deps(file, offline, { now: later(2 * HOUR) });
    const result = resolveDesktopRuntime(second.deps);
    assert.equal(second.calls.locate, 0, 'no download attempt within the day');
    assert.ok(!result.ok);
    assert.match(result.reason, /ENOTFOUND.*remembered since 2026-12-03T10:00:00\.000Z.*--retry-desktop/);
  });

  it('retries after a day or on --retry-desktop, and forgets the failure once the binary is there', () => {
    const file = freshFile();
    recordDesktopUnavailable('offline', t0, file);
    const retried = deps(file, offline, { now: later(HOUR), retry: true });
    resolveDesktopRuntime(retried.deps);
    assert.equal(retried.calls.locate, 1);

    const nextDay = deps(file, { ok: true, path: '/opt/electron' }, { now: later(DESKTOP_RETRY_AFTER_MS + HOUR) });
    assert.deepEqual(resolveDesktopRuntime(nextDay.deps), { ok: true, path: '/opt/electron' });
    assert.equal(nextDay.calls.locate, 1);
    assert.equal(existsSync(file), false, 'success forgets the failure');
  });

  it('uses an already-downloaded binary at once, even with a fresh failure remembered', () => {
    const file = freshFile();
    recordDesktopUnavailable('offline', t0, file);
    const installed = deps(file, offline, { now: later(HOUR), installed: '/opt/electron' });
    assert.deepEqual(resolveDesktopRuntime(installed.deps), { ok: true, path: '/opt/electron' });
    assert.equal(installed.calls.locate, 0);
    assert.equal(existsSync(file), false);
  });
});
