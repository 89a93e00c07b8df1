import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { appRoot } from '../../../host/paths.js';
import { openSpecStore } from '../../../host/store/spec-store.js';
import { crashContent } from './support/crash-content.js';
import { tempDir } from '../store/helpers.js';

const KILLS = 20;
const child = join(import.meta.dirname, 'support', 'save-loop.ts');

interface LogLine {
  run: number;
  i?: number;
  specId?: number;
  number?: number;
  started?: boolean;
}

/** Complete lines only: a line cut by the kill belongs to a save we cannot claim returned. */
function readLog(file: string): LogLine[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  return text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine);
}

async function waitFor(condition: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting for the child to start saving');
    await sleep(5);
  }
}

test('AC-3 / NFR-2: SIGKILL during saves never corrupts the database or loses a save that returned', { timeout: 120_000 }, async (t) => {
  const dataDir = tempDir(t, 'specbench-crash-');
  const logFile = join(dataDir, 'saves.log');
  let killedMidRun = 0;

  for (let run = 1; run <= KILLS; run++) {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, logFile, String(run)], { cwd: appRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.on('exit', (_code, signal) => resolve(signal)));

    // Wait until this run has begun saving, then kill at a random moment within its loop.
    await waitFor(() => readLog(logFile).some((l) => l.run === run && l.started) || proc.exitCode !== null, 15_000);
    assert.equal(proc.exitCode, null, `child exited on its own: ${stderr}`);
    await sleep(Math.random() * 200);
    proc.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL');
    if (readLog(logFile).some((l) => l.run === run && l.i !== undefined)) killedMidRun++;

    const store = openSpecStore(dataDir);
    try {
      assert.equal(store.connection.pragma('integrity_check', { simple: true }), 'ok', `integrity after kill ${run}`);
      const saves = readLog(logFile).filter((l) => l.i !== undefined);
      for (const save of saves) {
        const version = store.getVersion(save.specId!, save.number!);
        assert.equal(version.markdown, crashContent(save.run, save.i!), `run ${save.run} save ${save.i} (version ${save.number}) is byte-identical`);
        assert.equal(version.message, `run ${save.run} save ${save.i}`);
      }
      // Texts the kill left queued for search get indexed, and the index matches the stored texts.
      store.flushSearchIndex();
      store.connection.prepare("INSERT INTO contents_fts (contents_fts, rank) VALUES ('integrity-check', 1)").run();
      const last = saves.at(-1);
      if (last) assert.ok(store.search(`"run ${last.run} save ${last.i}"`)[0]?.versions.includes(last.number!), 'the last logged save is searchable');
    } finally {
      store.close();
    }
  }
  t.diagnostic(`${readLog(logFile).filter((l) => l.i !== undefined).length} logged saves verified after ${KILLS} kills (${killedMidRun} mid-loop)`);
  assert.ok(killedMidRun >= KILLS / 2, `most kills should land after saves began (${killedMidRun} of ${KILLS})`);
});
