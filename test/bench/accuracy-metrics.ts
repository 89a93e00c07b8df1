import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { lintItemText } from '../../core/lint/index.js';

/** The tuning corpus: rules may be adjusted against its misses. */
export const corpusPath = fileURLToPath(new URL('../fixtures/ac-corpus.jsonl', import.meta.url));
/**
 * The held-out split: committed in its own commit before any rule change of issue 11 and never
 * tuned on. Its misses are reported, never fixed one by one.
 */
export const heldoutPath = fileURLToPath(new URL('../fixtures/ac-corpus-heldout.jsonl', import.meta.url));

export const CORPUS_STYLES = ['gwt', 'ears', 'plain', 'checklist'] as const;

const entrySchema = z
  .object({
    text: z.string(),
    /** Labelled against shared/design/binary-rubric.md before the linter saw the text. */
    binary: z.boolean(),
    style: z.enum(CORPUS_STYLES),
    area: z.string().min(1),
    /** One of the rubric's hard cases (role of a word, compounds, pronouns, escape clauses …). */
    hard: z.boolean(),
    note: z.string().min(1),
    /** Set on text in a language the rules do not cover (ISO 639-1); such text must never pass. */
    lang: z.string().length(2).optional(),
  })
  .strict();
export type CorpusEntry = z.infer<typeof entrySchema>;

/** The labelled corpus (NFR-1), one JSON object a line; a bad line fails loudly with its number. */
export function readCorpus(path = corpusPath): CorpusEntry[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => line.trim())
    .map(({ line, n }) => {
      const parsed = entrySchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${n}: ${parsed.error.issues[0].message}`);
      return parsed.data;
    });
}

export interface Miss {
  line: number;
  entry: CorpusEntry;
  predicted: boolean;
  rules: string[];
}

export interface Accuracy {
  total: number;
  accuracy: number;
  /** Positive class: non-binary (what the linter exists to catch). */
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  misses: Miss[];
}

/** A binary/non-binary verdict on one criterion's text, and the error rules behind it. */
export type Verdict = (text: string) => { binary: boolean; rules: string[] };

/** The linter's verdict: what the workbench shows beside each acceptance criterion. */
export const linterVerdict: Verdict = (text) => {
  const result = lintItemText(text, 'ac');
  return { binary: result.binary === true, rules: result.findings.filter((f) => f.severity === 'error').map((f) => f.rule) };
};

/** Gives every corpus criterion to `verdict` on its own (the linter's by default) and compares with the label. */
export function measureAccuracy(entries: CorpusEntry[], verdict: Verdict = linterVerdict): Accuracy {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const misses: Miss[] = [];
  entries.forEach((entry, i) => {
    const result = verdict(entry.text);
    const predicted = result.binary;
    const flagged = !predicted;
    const actual = !entry.binary;
    if (flagged && actual) tp++;
    else if (flagged && !actual) fp++;
    else if (!flagged && actual) fn++;
    else tn++;
    if (predicted !== entry.binary) {
      misses.push({ line: i + 1, entry, predicted, rules: result.rules });
    }
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    total: entries.length,
    accuracy: entries.length ? (tp + tn) / entries.length : 0,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    misses,
  };
}
