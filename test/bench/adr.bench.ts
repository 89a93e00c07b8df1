// NFR-3 of issue 14: `npm run bench:adr` prints how long importing a 500-record ADR log takes
// (target < 1 s) and how long flow metrics over 1,000 specs with 10,000 transitions take
// (target < 100 ms). It prints figures; it never fails on them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { numberedFileName } from '../../core/adr/index.js';
import { computeFlowMetrics, type MetricsSpec } from '../../core/flow/metrics.js';
import { SPEC_STAGES, type SpecTransition } from '../../core/flow/lifecycle.js';
import { importAdrLog } from '../../host/adr/import-log.js';
import { FlowService } from '../../host/flow/flow-service.js';
import { DecisionStore } from '../../host/store/decisions.js';
import { openSpecStore } from '../../host/store/spec-store.js';
import { measure, report } from './measure.js';

const RECORDS = 500;
const SPECS = 1000;
const TRANSITIONS_PER_SPEC = 10;

const root = mkdtempSync(join(tmpdir(), 'specbench-bench-adr-'));
try {
  const logDir = join(root, 'log');
  writeFileSync(join(root, '.keep'), '');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(logDir);
  for (let n = 1; n <= RECORDS; n++) {
    const title = `Decision number ${n} about component ${n % 37}`;
    const madr = n % 2 === 0;
    const supersedes = n > 10 && n % 10 === 0 ? n - 9 : null;
    const text = madr
      ? `---\nstatus: accepted\ndate: 2025-${String((n % 12) + 1).padStart(2, '0')}-0${(n % 9) + 1}\ndecision-makers: Ana, Bo\n---\n\n# ${title}\n\n## Context and Problem Statement\n\n${'Some context. '.repeat(40)}\n\n## Considered Options\n\n* One\n* Two\n\n## Decision Outcome\n\nChosen option: "One", because it is simpler.\n`
      : `# ${n}. ${title}\n\nDate: 2025-01-0${(n % 9) + 1}\n\n## Status\n\nAccepted\n${supersedes ? `\nSupersedes [${supersedes}. x](${numberedFileName(supersedes, 'x')})\n` : ''}\n## Context\n\n${'Some context. '.repeat(40)}\n\n## Decision\n\nWe do it.\n\n## Consequences\n\nFine.\n`;
    writeFileSync(join(logDir, numberedFileName(n, title)), text);
  }

  let run = 0;
  const importRows = [];
  const firstImports: number[] = [];
  for (let i = 0; i < 5; i++) {
    const home = join(root, `home-${run++}`);
    const store = openSpecStore(home);
    const decisions = new DecisionStore(store);
    const start = performance.now();
    const r = await importAdrLog(decisions, logDir);
    firstImports.push(performance.now() - start);
    if (r.added !== RECORDS) throw new Error(`imported ${r.added} of ${RECORDS}`);
    if (i === 0) {
      const again = performance.now();
      await importAdrLog(decisions, logDir);
      importRows.push({ label: `re-import of the same ${RECORDS} records (nothing changes)`, medianMs: performance.now() - again, p95Ms: performance.now() - again, runs: 1, targetMs: 1000 });
    }
    store.close();
  }
  firstImports.sort((a, b) => a - b);
  importRows.unshift({ label: `import of a ${RECORDS}-record log into a fresh library`, medianMs: firstImports[2], p95Ms: firstImports[4], runs: 5, targetMs: 1000 });
  report(`ADR import (${RECORDS} records, MADR and adr-tools mixed)`, importRows);

  // Metrics: 1,000 specs × 10 transitions, pure and through the store.
  const specs: MetricsSpec[] = [];
  const base = Date.parse('2025-01-01T00:00:00Z');
  for (let s = 1; s <= SPECS; s++) {
    const transitions: SpecTransition[] = [];
    let t = base + s * 3_600_000;
    for (let k = 0; k < TRANSITIONS_PER_SPEC; k++) {
      t += ((s * 7 + k * 13) % 96) * 3_600_000;
      transitions.push({ specId: s, state: SPEC_STAGES[Math.min(k % 6, 4)], at: new Date(t).toISOString(), actor: 'bench', source: k % 3 === 0 ? 'detected' : 'manual', detail: null });
    }
    specs.push({ id: s, title: `Spec ${s}`, transitions });
  }
  const now = new Date(base + 400 * 86_400_000).toISOString();
  const pure = measure(`computeFlowMetrics over ${SPECS} specs / ${SPECS * TRANSITIONS_PER_SPEC} transitions`, () => void computeFlowMetrics({ specs, now }), { runs: 30, targetMs: 100 });

  const home = join(root, 'metrics-home');
  const store = openSpecStore(home);
  const decisions = new DecisionStore(store);
  decisions.transaction(() => {
    for (const s of specs) {
      const id = store.createSpec({ source: { kind: 'markdown', markdown: `# Spec ${s.id}\n\n## Context\n\nx\n`, fileName: 'x.md' } }, { analysis: undefined }).spec.id;
      for (const t of s.transitions) decisions.addTransition({ specId: id, state: t.state, at: t.at, actor: t.actor, source: t.source });
    }
  });
  const flow = new FlowService({ specs: store, decisions, now: () => new Date(now) });
  const viaStore = measure(`FlowService.metrics (read ${SPECS * TRANSITIONS_PER_SPEC} transitions from SQLite + compute)`, () => void flow.metrics(), { runs: 20, targetMs: 100 });
  store.close();
  report('Flow metrics', [pure, viaStore]);
} finally {
  rmSync(root, { recursive: true, force: true });
}
