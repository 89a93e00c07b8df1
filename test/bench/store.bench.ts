// NFR-3 of the spec store: `npm run bench:store` prints medians for a library of 10,000
// versions across 100 specs. It prints figures; it never fails on them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '../../host/paths.js';
import { analyzeMarkdown } from '../../host/store/analyze.js';
import { openSpecStore, type SpecStore } from '../../host/store/spec-store.js';

const SPECS = Number(process.env.BENCH_SPECS ?? 100);
const VERSIONS_PER_SPEC = Number(process.env.BENCH_VERSIONS ?? 100);
const REPS = 200;

const samples = ['magic-link.md', 'audit-log-export.md', 'magic-link-draft.md'].map((f) => readFileSync(join(appRoot, 'samples', f), 'utf8'));
const words = ['ledger', 'quota', 'webhook', 'tenant', 'invoice', 'session', 'replica', 'cursor', 'batch', 'export', 'audit', 'retention'];

function versionText(spec: number, version: number): string {
  const base = samples[spec % samples.length];
  const word = words[(spec * 7 + version) % words.length];
  return `${base}\n<!-- spec ${spec} revision ${version}: ${word}${version} -->\n- Note ${version}: the ${word} rule applies to spec ${spec}.\n`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function measure(reps: number, fn: (i: number) => void): number {
  for (let i = 0; i < Math.min(10, reps); i++) fn(-1 - i); // warm caches and prepared statements
  return median(Array.from({ length: reps }, (_, i) => time(() => fn(i))));
}

function build(store: SpecStore): number[] {
  const ids: number[] = [];
  const analyses = samples.map((text) => analyzeMarkdown(text));
  for (let s = 0; s < SPECS; s++) {
    // One transaction per spec keeps setup to seconds (a commit per save would fsync 10,000 times);
    // the parsed summary of the sample stands in for each revision's, which only adds a comment line.
    store.connection.transaction(() => {
      const id = store.createSpec({ source: { kind: 'markdown', markdown: versionText(s, 1), fileName: `spec-${s}.md` } }).spec.id;
      for (let v = 2; v <= VERSIONS_PER_SPEC; v++) {
        store.saveVersion({ specId: id, markdown: versionText(s, v), author: 'bench', message: `revision ${v}` }, { analysis: analyses[s % samples.length] });
      }
      ids.push(id);
    })();
  }
  return ids;
}

function bigSpec(seed: number): string {
  let text = samples[0];
  for (let n = 0; text.length < 200 * 1024; n++) text += `\n- **FR-${100 + n}:** The system must record event ${seed}-${n} in the ${words[n % words.length]} log within 2 s.\n`;
  return text;
}

const dir = mkdtempSync(join(tmpdir(), 'specbench-bench-'));
try {
  let store = openSpecStore(dir);
  const built = performance.now();
  const ids = build(store);
  const indexed = performance.now();
  store.flushSearchIndex();
  const indexSeconds = (performance.now() - indexed) / 1000;
  const buildSeconds = (indexed - built) / 1000;
  const versions = (store.connection.prepare('SELECT count(*) AS n FROM versions').get() as { n: number }).n;
  store.close();

  const opened = performance.now();
  store = openSpecStore(dir);
  const openMs = performance.now() - opened;
  const pick = (i: number) => ids[Math.abs(i * 37) % ids.length];

  const history = measure(REPS, (i) => store.listVersions(pick(i)));
  const load = measure(REPS * 5, (i) => store.getVersion(pick(i), 1 + (Math.abs(i * 13) % VERSIONS_PER_SPEC)));
  const library = measure(50, () => store.listSpecs({ sort: 'lastEdited' }));

  const big = bigSpec(0);
  const bigAnalysis = analyzeMarkdown(big);
  let seq = 0;
  const saveWrite = measure(40, () => store.saveVersion({ specId: ids[0], markdown: `${big}<!-- ${seq++} -->\n` }, { analysis: bigAnalysis }));
  const saveParsed = measure(10, () => store.saveVersion({ specId: ids[1], markdown: `${big}<!-- ${seq++} -->\n`, readiness: 80 }));
  const saveLinted = measure(10, () => store.saveVersion({ specId: ids[1], markdown: `${big}<!-- ${seq++} -->\n` }));
  store.flushSearchIndex();
  const indexOne = median(
    Array.from({ length: 20 }, () => {
      store.saveVersion({ specId: ids[2], markdown: `${big}<!-- ${seq++} -->\n` }, { analysis: bigAnalysis });
      return time(() => store.flushSearchIndex());
    }),
  );

  const queries = ['ledger', 'magic link token', 'retention12', 'webho', '"signed URLs"', 'session cookie'];
  const search = measure(REPS, (i) => store.search(queries[Math.abs(i) % queries.length]));
  const hits = queries.map((q) => `${q}: ${store.search(q).length}`).join(', ');
  store.close();

  const rows: Array<[string, number, number]> = [
    [`list a spec's history (${VERSIONS_PER_SPEC} versions)`, history, 20],
    ['load any version', load, 2],
    ['save a 200 KB version (hash, change summary, commit)', saveWrite, 10],
    ['search (FTS5, one hit per spec)', search, 50],
  ];
  const line = (label: string, ms: number, target?: number) =>
    `  ${label.padEnd(62)} ${ms.toFixed(2).padStart(8)} ms${target === undefined ? '' : `   target < ${target} ms  ${ms < target ? 'ok' : 'OVER'}`}`;
  console.log(`Spec store benchmark (NFR-3): ${versions} versions across ${ids.length} specs, medians`);
  console.log(`  fixture built in ${buildSeconds.toFixed(1)} s, indexed for search in ${indexSeconds.toFixed(1)} s`);
  for (const [label, ms, target] of rows) console.log(line(label, ms, target));
  console.log(line('  then index it for search (runs after the reply)', indexOne));
  console.log(line('save a 200 KB version incl. parsing (editor sent its score)', saveParsed));
  console.log(line('save a 200 KB version incl. parsing and default lint', saveLinted));
  console.log(line(`list the library (${ids.length} specs)`, library));
  console.log(line('open the database (quick_check + migrations check)', openMs));
  console.log(`  search hits per query: ${hits}`);
} finally {
  if (process.env.KEEP !== '1') rmSync(dir, { recursive: true, force: true });
}
