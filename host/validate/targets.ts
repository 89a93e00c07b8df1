import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { appRoot } from '../paths.js';

export interface VariantTargets {
  /** Variant name ('correct' or a defect) → base URL. */
  urls: Map<string, string>;
  stop(): Promise<void>;
}

export class TargetError extends Error {
  override name = 'TargetError';
}

/**
 * Starts `embedded-server/variants.ts`: one PostgreSQL, a database per variant cloned from a
 * migrated template, one app per variant on its own loopback port (NFR-1). Stopped by closing
 * its stdin (so it also stops if this process dies), SIGKILL after 10 s.
 */
export function startVariants(variants: readonly string[], timeoutMs = 60_000): Promise<VariantTargets> {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  if (process.versions.electron) env.ELECTRON_RUN_AS_NODE = '1';
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(appRoot, 'embedded-server', 'variants.ts'), '--variants', variants.join(',')], { cwd: appRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-4_000)));
  const urls = new Map<string, string>();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new TargetError(`the embedded server variants did not start within ${timeoutMs} ms ${stderr}`));
    }, timeoutMs);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^variant (\S+) (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (m) urls.set(m[1]!, m[2]!);
      if (line === 'variants ready') {
        clearTimeout(timer);
        resolve({ urls, stop });
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new TargetError(`the embedded server exited: ${stderr.trim() || 'no output'}`));
    });
  });
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** NFR-3: a target off loopback needs --allow-remote. */
export function checkTargetUrl(raw: string, allowRemote: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetError(`--target must be "embedded" or an http(s) URL, got ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TargetError(`--target must be http or https, got ${url.protocol}`);
  if (!LOOPBACK.has(url.hostname) && !/^127\./.test(url.hostname) && !allowRemote) throw new TargetError(`${url.host} is not loopback: pass --allow-remote to validate a remote target`);
  return url.origin;
}
