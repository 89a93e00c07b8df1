/**
 * NFR-1 / AC-7: the binary verdict on the tuning corpus and on the held-out split (committed
 * before the rules of issue 11 and never tuned on): accuracy, precision / recall / F1 with
 * "non-binary" as the positive class, the hard-case subset, per-style figures, the best trivial
 * baseline, the ablation table, and every held-out miss (reported, never tuned on).
 */
import { ablation } from './accuracy-ablation.js';
import { bestBaseline } from './accuracy-baselines.js';
import { CORPUS_STYLES, heldoutPath, measureAccuracy, readCorpus, type CorpusEntry } from './accuracy-metrics.js';

const f3 = (x: number) => x.toFixed(3);

function report(name: string, entries: CorpusEntry[]): void {
  const m = measureAccuracy(entries);
  const hard = entries.filter((e) => e.hard);
  const h = measureAccuracy(hard);
  const binary = entries.filter((e) => e.binary).length;
  const baseline = bestBaseline(entries);
  console.log(`\n${name}: ${m.total} criteria (${binary} binary, ${m.total - binary} non-binary)`);
  console.log(`  accuracy ${f3(m.accuracy)}   precision ${f3(m.precision)}   recall ${f3(m.recall)}   F1 ${f3(m.f1)}   (positive class: non-binary)`);
  console.log(`  confusion: ${m.truePositives} TP, ${m.falsePositives} FP, ${m.falseNegatives} FN, ${m.trueNegatives} TN`);
  console.log(`  hard cases: ${h.total} — accuracy ${f3(h.accuracy)}, F1 ${f3(h.f1)}`);
  console.log(`  per style: ${CORPUS_STYLES.map((s) => {
    const part = entries.filter((e) => e.style === s);
    return `${s} ${f3(measureAccuracy(part).accuracy)} (${part.length})`;
  }).join(', ')}`);
  const langs = entries.filter((e) => e.lang);
  if (langs.length) console.log(`  unsupported languages: ${langs.length} — ${measureAccuracy(langs).misses.length} passed by mistake`);
  console.log(`  best trivial baseline (${baseline.name}): accuracy ${f3(baseline.accuracy.accuracy)} — verdict ahead by ${f3(m.accuracy - baseline.accuracy.accuracy)}`);
}

function misses(name: string, entries: CorpusEntry[]): void {
  const m = measureAccuracy(entries);
  console.log(`\n${name} misses: ${m.misses.length}`);
  for (const miss of m.misses) {
    const verdict = miss.entry.binary ? 'labelled binary, linted NOT binary' : 'labelled non-binary, linted binary';
    console.log(`- line ${miss.line} (${miss.entry.style}, ${miss.entry.area}${miss.entry.hard ? ', hard' : ''}): ${verdict}${miss.rules.length ? ` [${[...new Set(miss.rules)].join(', ')}]` : ''}`);
    console.log(`    ${JSON.stringify(miss.entry.text)}`);
    console.log(`    label note: ${miss.entry.note}`);
  }
}

const tuning = readCorpus();
const heldout = readCorpus(heldoutPath);
report('tuning corpus (rules adjusted against it)', tuning);
report('HELD-OUT split (committed first, never tuned on)', heldout);

console.log('\nablation — each acceptance-criterion rule turned off in turn (tuning + held-out):');
console.log(`  ${'rule'.padEnd(30)} ${'severity'.padEnd(8)} accuracy   drop    findings`);
for (const row of ablation([...tuning, ...heldout])) {
  console.log(`  ${row.rule.padEnd(30)} ${row.severity.padEnd(8)} ${f3(row.accuracy)}    ${f3(row.drop)}   ${row.findings}`);
}

misses('tuning', tuning);
misses('held-out (reported only)', heldout);
