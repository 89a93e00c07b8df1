import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedCluster, type EmbeddedCluster } from '../../embedded-server/db/embedded-postgres.js';
import { createLogger } from '../../embedded-server/log.js';
import { launchEmbeddedServer, type EmbeddedServer } from '../../host/server/index.js';
import { measureColdStart, type ColdStart } from './server/cold-start.js';
import { loadTest, type LoadResult } from './server/load.js';
import { seedTokens, seedUsers } from './server/seed.js';
import { croppedTTests, median } from './server/stats.js';
import { timeRequests } from './server/timing.js';

/**
 * npm run bench:server — prints figures only, asserts nothing.
 *   NFR-3: dudect-style timing of /auth/magic-link/request, registered vs unknown emails,
 *          for the correct server and for the `timing-leak` defect.
 *   NFR-4: autocannon on loopback (50 connections) for /verify and /request, and cold start.
 * Environment: BENCH_DUDECT_N (requests per class, default 2000), BENCH_LOAD_N (requests per
 * endpoint, default 10000), BENCH_PARTS (comma list of cold,timing,load; default all).
 */
const DUDECT_N = Number(process.env.BENCH_DUDECT_N ?? 2000);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'cold,timing,load').split(','));
const LOAD_N = Number(process.env.BENCH_LOAD_N ?? 10000);
const CROPS = [99, 95, 90, 75, 50];

const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;
const line = (text = ''): void => void process.stdout.write(`${text}\n`);

async function main(): Promise<void> {
  line(`server bench — node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (PARTS.has('cold')) await coldStarts();

  const cluster = await startEmbeddedCluster({ logger: createLogger({ level: 'silent' }) });
  try {
    if (PARTS.has('timing')) await enumerationTiming(cluster);
    if (PARTS.has('load')) await loadFigures(cluster);
  } finally {
    await cluster.stop();
  }
}

async function coldStarts(): Promise<void> {
  line('\nNFR-4 cold start: spawn `node --import tsx embedded-server/main.ts` → embedded PostgreSQL init + start + migrations + listening (ready line)');
  // A private TMPDIR has no template cluster yet: what the very first start on a machine costs.
  const fresh: ColdStart[] = [];
  for (let i = 0; i < 3; i += 1) {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'specbench-bench-tmp-'));
    await chmod(tmp, 0o755);
    try {
      fresh.push(await measureColdStart({ ...process.env, TMPDIR: tmp }));
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }
  await measureColdStart(process.env); // makes sure the shared template exists
  const warm: ColdStart[] = [];
  for (let i = 0; i < 5; i += 1) warm.push(await measureColdStart(process.env));
  const describe = (runs: ColdStart[]): string =>
    `total median ${fmt(median(runs.map((r) => r.totalMs)))} (min ${fmt(Math.min(...runs.map((r) => r.totalMs)))}; ` +
    `init ${fmt(median(runs.map((r) => r.initMs)))}, PostgreSQL start ${fmt(median(runs.map((r) => r.pgStartMs)))}, migrations ${fmt(median(runs.map((r) => r.migrationsMs)))})`;
  line(`  first start on a machine (initdb, ${fresh.length} runs):   ${describe(fresh)}`);
  line(`  every later start (template copy, ${warm.length} runs): ${describe(warm)}`);
  line('  target: < 3 s');
}

async function createDatabase(cluster: EmbeddedCluster, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster.connectionString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  await admin.end();
  return cluster.connectionString(name);
}

async function withServer<T>(databaseUrl: string, options: { defect?: string; dev?: boolean }, work: (server: EmbeddedServer, pool: pg.Pool) => Promise<T>): Promise<T> {
  const server = await launchEmbeddedServer({ port: 0, dev: options.dev ?? false, defect: options.defect, databaseUrl });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    return await work(server, pool);
  } finally {
    await pool.end();
    await server.stop();
  }
}

async function enumerationTiming(cluster: EmbeddedCluster): Promise<void> {
  line(`\nNFR-3 enumeration timing (dudect): POST /auth/magic-link/request, ${DUDECT_N} registered + ${DUDECT_N} unknown emails per server,`);
  line('  randomly interleaved, one at a time over one keep-alive connection, each email used once (no 429); 200 warm-up requests first.');
  line(`  Welch's t on the raw samples and after cropping both classes at pooled percentiles ${CROPS.map((p) => `p${p}`).join(', ')}.`);
  line('  target for the correct server: max |t| < 4.5 and |median gap| < 1 ms; timing-leak must be clearly separated.');
  for (const defect of [undefined, 'timing-leak']) {
    const label = defect ?? 'correct';
    const url = await createDatabase(cluster, `bench_timing_${label.replace('-', '_')}`);
    await withServer(url, { defect }, async (server, pool) => {
      const registered = await seedUsers(pool, `known-${label}-`, DUDECT_N + 100);
      const unknown = Array.from({ length: DUDECT_N + 100 }, (_, i) => `unknown-${label}-${i}-${randomBytes(3).toString('hex')}@bench.test`);
      await timeRequests(server.url, registered.slice(DUDECT_N), unknown.slice(DUDECT_N));
      const samples = await timeRequests(server.url, registered.slice(0, DUDECT_N), unknown.slice(0, DUDECT_N));
      const tests = croppedTTests(samples.registered, samples.unknown, CROPS);
      const maxT = Math.max(...tests.map((t) => Math.abs(t.t)));
      const gap = median(samples.registered) - median(samples.unknown);
      line(`  ${label.padEnd(12)} max |t| = ${maxT.toFixed(2)}   median gap (registered − unknown) = ${fmt(gap)}   ` +
        `medians ${fmt(median(samples.registered))} / ${fmt(median(samples.unknown))}`);
      line(`  ${''.padEnd(12)} t by crop (> 0: registered slower): ${tests.map((t) => `${t.crop} ${t.t.toFixed(2)}`).join(', ')}`);
    });
  }
}

async function loadFigures(cluster: EmbeddedCluster): Promise<void> {
  const warmup = Math.min(2000, LOAD_N);
  line(`\nNFR-4 load: autocannon on 127.0.0.1, 50 connections, ${LOAD_N} measured requests per endpoint after ${warmup} warm-up requests,`);
  line('  server in its own process (pool of 10), PostgreSQL embedded; the latency of every answer counts.');
  const url = await createDatabase(cluster, 'bench_load');
  await withServer(url, { dev: true }, async (server, pool) => {
    const verifyUsers = await seedUsers(pool, 'verify-', LOAD_N + warmup);
    const tokens = await seedTokens(pool, verifyUsers);
    let t = 0;
    const nextToken = (): string => JSON.stringify({ token: tokens[t++ % tokens.length] });
    await loadTest(server.url, '/auth/magic-link/verify', warmup, nextToken);
    const verify = await loadTest(server.url, '/auth/magic-link/verify', LOAD_N, nextToken);
    report('/auth/magic-link/verify', 'each request a distinct valid token (200 + session cookie)', verify, 20);

    const requestUsers = await seedUsers(pool, 'request-', LOAD_N + warmup);
    let r = 0;
    const nextEmail = (): string => JSON.stringify({ email: requestUsers[r++ % requestUsers.length] });
    await loadTest(server.url, '/auth/magic-link/request', warmup, nextEmail);
    const request = await loadTest(server.url, '/auth/magic-link/request', LOAD_N, nextEmail);
    report('/auth/magic-link/request', 'each request a distinct registered email, so no 429 (token + outbox email written)', request, 50);

    const resets: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const started = process.hrtime.bigint();
      await server.reset();
      resets.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    line(`\nFR-8 POST /__dev/reset (the first with ${2 * (LOAD_N + warmup)} users in the tables): median ${fmt(median(resets))}, max ${fmt(Math.max(...resets))} (target < 100 ms)`);
  });
}

function report(path: string, what: string, result: LoadResult, targetP99: number): void {
  const statuses = Object.entries(result.statuses).map(([s, n]) => `${s}×${n}`).join(' ');
  line(`  ${path}: ${what}`);
  line(`    p50 ${fmt(result.p50)}   p99 ${fmt(result.p99)} (target < ${targetP99} ms)   ${result.requestsPerSecond.toFixed(0)} req/s   ` +
    `[${result.requests} in ${result.seconds.toFixed(1)} s; ${statuses}; ${result.errors} errors]`);
}

await main();
