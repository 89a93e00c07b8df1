import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import pg from 'pg';
import { startEmbeddedCluster } from '../../embedded-server/db/embedded-postgres.js';
import { findFreePort } from '../../embedded-server/db/free-port.js';
import { createLogger } from '../../embedded-server/log.js';
import { openPgDatabase } from '../../host/db/pg/pg-database.js';
import { samplesDir } from '../../host/paths.js';
import { createTeamAuth } from '../../host/team/auth/team-auth.js';
import { openPgStore } from '../../host/store/pg/pg-store.js';
import { percentile } from './server/stats.js';
import { acceptInvitation, type TeamSession } from './team/team-session.js';
import { startTeamProcess, type TeamProcess } from './team/team-processes.js';

/**
 * npm run bench:team — issue 15 NFR-1/AC-8. Prints figures, asserts nothing.
 * Two `specbench team serve` processes on one embedded PostgreSQL; USERS simulated people (a fifth
 * authors, the rest reviewers), half on each process, each with an open event stream. For SECONDS
 * each person loops: open a spec (specs.get + presence), then a reviewer comments, an author edits
 * and saves on top of the version they opened. Afterwards every acknowledged comment and save is
 * looked up in the database: lost, duplicated and unacknowledged-but-stored counts are printed.
 * Event delivery is measured from the start of the request that caused the event to its arrival
 * on another person's stream (so it includes the request itself: an upper bound).
 * Environment: BENCH_TEAM_USERS (default 50), BENCH_TEAM_SECONDS (default 60), BENCH_TEAM_THINK_MS (default 250).
 */
const USERS = Number(process.env.BENCH_TEAM_USERS ?? 50);
const SECONDS = Number(process.env.BENCH_TEAM_SECONDS ?? 60);
const THINK_MS = Number(process.env.BENCH_TEAM_THINK_MS ?? 250);
const AUTHORS = Math.max(1, Math.round(USERS / 5));
const SPECS_PER_REVIEWER = 2;
const PASSWORD = 'bench-password-long-enough';

const line = (text = ''): void => void process.stdout.write(`${text}\n`);
const now = () => performance.timeOrigin + performance.now();
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `n=${sorted.length} p50 ${percentile(sorted, 50).toFixed(1)} ms · p95 ${percentile(sorted, 95).toFixed(1)} ms · p99 ${percentile(sorted, 99).toFixed(1)} ms · max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms`;
};

interface Person {
  index: number;
  role: 'author' | 'reviewer';
  session: TeamSession;
  specs: number[];
}

async function main(): Promise<void> {
  line(`team bench — node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  line(`${USERS} people (${AUTHORS} authors, ${USERS - AUTHORS} reviewers), ${SECONDS} s, think time ${THINK_MS} ms, two team serve processes`);
  const cluster = await startEmbeddedCluster({ logger: createLogger({ level: 'silent' }) });
  const processes: TeamProcess[] = [];
  const closers: Array<() => void> = [];
  try {
    const admin = new pg.Client({ connectionString: cluster.connectionString() });
    await admin.connect();
    await admin.query('CREATE DATABASE team_bench');
    await admin.end();
    const url = cluster.connectionString('team_bench');
    // One process first, so the migrations have run before the second starts (it would wait on the lock anyway).
    processes.push(await startTeamProcess(url, await findFreePort()));
    processes.push(await startTeamProcess(url, await findFreePort()));

    const people = await signUp(url, processes);
    const specText = readFileSync(join(samplesDir, 'magic-link-hardened.md'), 'utf8');
    const quote = specText.indexOf('FR-1');
    for (const author of people.filter((p) => p.role === 'author')) {
      const created = await author.session.call<{ spec: { id: number } }>('specs.create', { source: { kind: 'markdown', markdown: specText } });
      author.specs.push(created.spec.id);
    }
    const specIds = people.filter((p) => p.role === 'author').map((p) => p.specs[0]!);
    const owner = new Map(people.filter((p) => p.role === 'author').map((p) => [p.specs[0]!, p]));
    for (const reviewer of people.filter((p) => p.role === 'reviewer')) {
      for (let k = 0; k < SPECS_PER_REVIEWER; k++) {
        const specId = specIds[(reviewer.index + k) % specIds.length]!;
        await owner.get(specId)!.session.call('reviewers.add', { specId, name: `Reviewer ${reviewer.index}`, email: reviewer.session.email });
        reviewer.specs.push(specId);
      }
    }

    // Event bookkeeping: when each cause started, and every arrival on someone's stream.
    const saveStarted = new Map<string, number>();
    const commentStarts = new Map<number, number[]>();
    const saveArrivals: Array<{ key: string; at: number }> = [];
    const commentArrivals = new Map<string, number[]>();
    for (const person of people) {
      closers.push(
        await person.session.listen((name, payload, at) => {
          const p = payload as { specId?: number; version?: number };
          if (name === 'team.versionSaved' && p.specId !== undefined) saveArrivals.push({ key: `${p.specId}:${p.version}`, at });
          if (name === 'team.threadsChanged' && p.specId !== undefined) {
            const key = `${person.index}:${p.specId}`;
            commentArrivals.set(key, [...(commentArrivals.get(key) ?? []), at]);
          }
        }),
      );
    }

    const timings = { open: [] as number[], comment: [] as number[], save: [] as number[] };
    const acked = { comments: new Map<string, number>(), saves: [] as Array<{ specId: number; number: number; hash: string }> };
    const failures = new Map<string, number>();
    const fail = (what: string, error: unknown) => {
      const key = `${what}: ${(error as Error).message.replace(/as \S+@\S+/, '').slice(0, 140)}`;
      failures.set(key, (failures.get(key) ?? 0) + 1);
    };
    let sent = 0;
    const end = now() + SECONDS * 1000;
    line('running…');
    await Promise.all(
      people.map(async (person) => {
        let n = 0;
        await sleep(Math.random() * THINK_MS);
        while (now() < end) {
          n += 1;
          const specId = person.specs[n % person.specs.length]!;
          let opened: { head: { id: number; markdown: string } };
          const t0 = now();
          try {
            opened = await person.session.call('specs.get', { id: specId });
            await person.session.call('team.presence.set', { specId });
            timings.open.push(now() - t0);
          } catch (error) {
            fail('open', error);
            await sleep(THINK_MS);
            continue;
          }
          await sleep(THINK_MS * (0.5 + Math.random()));
          if (person.role === 'reviewer') {
            const body = `bench comment ${person.index}-${n}`;
            const t1 = now();
            commentStarts.set(specId, [...(commentStarts.get(specId) ?? []), t1]);
            sent += 1;
            try {
              await person.session.call('threads.add', { specId, start: quote, end: quote + 4, body });
              timings.comment.push(now() - t1);
              acked.comments.set(body, specId);
            } catch (error) {
              fail('comment', error);
            }
          } else {
            const markdown = `${opened.head.markdown.trimEnd()}\n\nBench edit ${n} by author ${person.index}.\n`;
            const t1 = now();
            try {
              const saved = await person.session.call<{ version: { number: number } }>('versions.save', { specId, markdown, baseVersionId: opened.head.id });
              timings.save.push(now() - t1);
              saveStarted.set(`${specId}:${saved.version.number}`, t1);
              acked.saves.push({ specId, number: saved.version.number, hash: sha(markdown) });
            } catch (error) {
              fail('save', error);
            }
          }
          await sleep(THINK_MS * (0.5 + Math.random()));
        }
      }),
    );
    await sleep(1500); // let the last events arrive
    for (const close of closers.splice(0)) close();

    // Delivery latency: saves by their unique (spec, version); comments by order of arrival per spec.
    const saveDelivery = saveArrivals.flatMap(({ key, at }) => (saveStarted.has(key) ? [at - saveStarted.get(key)!] : []));
    const commentDelivery: number[] = [];
    for (const [key, arrivals] of commentArrivals) {
      const starts = commentStarts.get(Number(key.split(':')[1])) ?? [];
      arrivals.forEach((at, i) => {
        if (i < starts.length) commentDelivery.push(at - starts[i]!);
      });
    }

    // What the database holds afterwards.
    const store = await openPgStore(url, { migrate: false, max: 2 });
    const found = new Map<string, number>();
    for (const specId of specIds) {
      const threads = await store.reviews({ id: '00000000-0000-4000-8000-000000000000', name: 'bench', email: 'bench@example.invalid' }).listThreads(specId, { includeResolved: true });
      for (const thread of threads) for (const comment of thread.comments) found.set(comment.body, (found.get(comment.body) ?? 0) + 1);
    }
    let lostComments = 0;
    for (const body of acked.comments.keys()) if (!found.has(body)) lostComments += 1;
    const duplicated = [...found.values()].filter((c) => c > 1).length;
    const unacked = [...found.keys()].filter((b) => b.startsWith('bench comment') && !acked.comments.has(b)).length;
    let lostSaves = 0;
    for (const save of acked.saves) {
      const version = await store.specs.getVersion(save.specId, save.number).catch(() => null);
      if (!version || sha(version.markdown) !== save.hash) lostSaves += 1;
    }
    await store.close();

    line();
    line(`open spec (specs.get + presence)   ${fmt(timings.open)}`);
    line(`comment add (threads.add)          ${fmt(timings.comment)}   NFR-1: p99 < 100 ms`);
    line(`save (versions.save)               ${fmt(timings.save)}   NFR-1: p99 < 200 ms`);
    line(`event delivery, saves              ${fmt(saveDelivery)}   NFR-1: p99 < 1000 ms`);
    line(`event delivery, comments           ${fmt(commentDelivery)}   NFR-1: p99 < 1000 ms`);
    line(`throughput                         ${((timings.comment.length + timings.save.length) / SECONDS).toFixed(1)} writes/s, ${(timings.open.length / SECONDS).toFixed(1)} opens/s`);
    line();
    line(`comments: ${sent} sent, ${acked.comments.size} acknowledged, lost ${lostComments}, duplicated ${duplicated}, stored without acknowledgement ${unacked}`);
    line(`saves: ${acked.saves.length} acknowledged, lost ${lostSaves}`);
    line(`failed requests: ${[...failures.values()].reduce((a, b) => a + b, 0)}`);
    for (const [what, count] of failures) line(`  ${count} × ${what}`);
  } finally {
    for (const close of closers) close();
    await Promise.all(processes.map((p) => p.stop()));
    await cluster.stop();
  }
}

/** Invites USERS accounts (the same call `team user add` makes) and accepts each invitation on alternating processes. */
async function signUp(url: string, processes: TeamProcess[]): Promise<Person[]> {
  const db = openPgDatabase(url, { max: 2 });
  const auth = createTeamAuth({ db, publicUrl: processes[0]!.base, secureCookies: false });
  const people: Person[] = [];
  try {
    const invites = [];
    for (let i = 0; i < USERS; i++) {
      const role = i < AUTHORS ? 'author' : 'reviewer';
      const email = `person${i}@bench.example`;
      invites.push({ i, role, email, invitation: await auth.inviteAccount({ email, role, name: `Person ${i}` }) });
    }
    // scrypt is deliberately slow: a few at a time.
    for (let k = 0; k < invites.length; k += 4) {
      const batch = await Promise.all(
        invites.slice(k, k + 4).map(async ({ i, role, email, invitation }) => ({
          index: i,
          role: role as Person['role'],
          session: await acceptInvitation(invitation.link, processes[i % processes.length]!.base, email, PASSWORD),
          specs: [],
        })),
      );
      people.push(...batch);
    }
  } finally {
    await auth.close();
    await db.close();
  }
  return people;
}

await main();
