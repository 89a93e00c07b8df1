import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintItemText, rules } from '../../../core/lint/index.js';
import { ablation } from '../../bench/accuracy-ablation.js';
import { BASELINES, bestBaseline } from '../../bench/accuracy-baselines.js';
import { CORPUS_STYLES, heldoutPath, linterVerdict, measureAccuracy, readCorpus, type CorpusEntry, type Verdict } from '../../bench/accuracy-metrics.js';

/**
 * NFR-1 / AC-7. Two splits, both labelled against shared/design/binary-rubric.md before the
 * linter saw them:
 * - the tuning corpus (test/fixtures/ac-corpus.jsonl): rules may be adjusted against its misses;
 * - the held-out split (test/fixtures/ac-corpus-heldout.jsonl): committed in its own commit
 *   before any rule change of issue 11 and never tuned on. Its misses are reported by
 *   `npm run bench:accuracy`, never fixed one by one.
 */
const tuning = readCorpus();
const heldout = readCorpus(heldoutPath);
const english = (entries: CorpusEntry[]) => entries.filter((e) => !e.lang);

/**
 * Held-out accuracy measured when the rules of issue 11 were finished (0.966 on 207 criteria,
 * 0.950 on its 120 hard cases). The gate allows 0.03 below it: a change that loses more than
 * that on text nobody tuned on fails.
 */
const MEASURED_HELDOUT = 0.966;
const MEASURED_HELDOUT_HARD = 0.95;
const SLACK = 0.03;
/** The verdict must beat the best trivial verdict on the held-out split by this much. */
const BASELINE_MARGIN = 0.1;

/** Why `verdict` fails the held-out gate; empty when it passes. */
function gateFailures(verdict: Verdict): string[] {
  const failures: string[] = [];
  const all = measureAccuracy(heldout, verdict);
  const hard = measureAccuracy(heldout.filter((e) => e.hard), verdict);
  const baseline = bestBaseline(heldout);
  if (all.accuracy < MEASURED_HELDOUT - SLACK) failures.push(`held-out accuracy ${all.accuracy.toFixed(3)} < ${(MEASURED_HELDOUT - SLACK).toFixed(3)}`);
  if (hard.accuracy < MEASURED_HELDOUT_HARD - SLACK) failures.push(`held-out hard-case accuracy ${hard.accuracy.toFixed(3)} < ${(MEASURED_HELDOUT_HARD - SLACK).toFixed(3)}`);
  if (all.accuracy < baseline.accuracy.accuracy + BASELINE_MARGIN) {
    failures.push(`held-out accuracy ${all.accuracy.toFixed(3)} does not beat the baseline "${baseline.name}" (${baseline.accuracy.accuracy.toFixed(3)}) by ${BASELINE_MARGIN}`);
  }
  return failures;
}

test('NFR-1: at least 600 criteria, 200 of them held out, over 20 product areas and the four styles, balanced by label', () => {
  assert.ok(tuning.length >= 400, `${tuning.length} tuning criteria`);
  assert.ok(english(heldout).length >= 200, 'the held-out split has 200 English criteria (and its language cases)');
  assert.ok(tuning.length + heldout.length >= 600);
  for (const [name, split] of [['tuning', tuning], ['held-out', english(heldout)]] as const) {
    const share = split.filter((e) => e.binary).length / split.length;
    assert.ok(share >= 0.45 && share <= 0.55, `${name} binary share ${share}`);
    assert.deepEqual(CORPUS_STYLES.filter((s) => !split.some((e) => e.style === s)), [], `${name}: every style`);
    assert.ok(new Set(split.map((e) => e.area)).size >= 20, `${name}: 20 areas`);
    assert.ok(split.filter((e) => e.hard).length >= split.length / 4, `${name}: a quarter hard cases`);
  }
  const texts = [...tuning, ...heldout].map((e) => e.text);
  assert.equal(new Set(texts).size, texts.length, 'no duplicates, and nothing shared between the splits');
});

test('FR-7: the held-out split has Russian and other unsupported-language criteria, and none of them passes', () => {
  assert.ok(heldout.filter((e) => e.lang === 'ru').length >= 3);
  assert.ok(heldout.some((e) => e.lang && e.lang !== 'ru'));
  for (const e of [...tuning, ...heldout].filter((x) => x.lang)) {
    const result = lintItemText(e.text, 'ac');
    assert.equal(result.binary, undefined, e.text);
    assert.deepEqual(result.findings.map((f) => f.message), [`not checked: language not supported (${e.lang})`], e.text);
  }
});

test('NFR-1: the held-out split passes its gate: measured accuracy minus 0.03, hard cases too, and 0.10 over the best trivial baseline', () => {
  assert.deepEqual(gateFailures(linterVerdict), []);
});

test('AC-7: the gate fails when the verdict is replaced by a digit regex, or by any trivial baseline', () => {
  const digit: Verdict = (text) => ({ binary: /\d/.test(text), rules: [] });
  assert.notDeepEqual(gateFailures(digit), []);
  for (const [name, verdict] of Object.entries(BASELINES)) assert.notDeepEqual(gateFailures(verdict), [], name);
});

test('the tuning corpus stays near what it was tuned to (0.996)', () => {
  const m = measureAccuracy(tuning);
  assert.ok(m.accuracy >= 0.97, `tuning accuracy ${m.accuracy.toFixed(3)}; misses:\n${m.misses.map((x) => x.entry.text).join('\n')}`);
});

test('AC-7: every acceptance-criterion rule earns its place: turning any one off loses accuracy (error rules) or findings (the others)', () => {
  const corpus = [...tuning, ...heldout];
  const rows = ablation(corpus);
  assert.deepEqual(
    rows.map((r) => r.rule).sort(),
    rules.filter((r) => r.id.startsWith('ac/')).map((r) => r.id).sort(),
  );
  for (const row of rows) {
    if (row.severity === 'error') assert.ok(row.drop > 0, `${row.rule}: accuracy without it ${row.accuracy.toFixed(4)}, no lower than with it`);
    else assert.ok(row.findings > 0, `${row.rule} never fires on the corpus`);
  }
});

test('every AC style is represented in the corpus', () => {
  const styles = new Set([...tuning, ...heldout].map((e) => lintItemText(e.text, 'ac').style));
  const all = ['given-when-then', 'ears-ubiquitous', 'ears-event', 'ears-state', 'ears-unwanted', 'ears-optional', 'checklist', 'plain'];
  assert.deepEqual(all.filter((s) => !styles.has(s as never)), []);
});

test('hard cases go both ways: binary criteria with vague words in literals, non-binary ones with perfect structure', () => {
  const literalVague = tuning.filter((e) => e.binary && /SLOW_DOWN|'Fast checkout'|"Work offline"|"Fast search"|`--verbose`/.test(e.text));
  assert.ok(literalVague.length >= 3);
  assert.ok(tuning.some((e) => !e.binary && /^Given .*when .*then it works\.$/.test(e.text)));
});
