import { diffDocuments } from '../../core/diff/semantic-diff.js';
import type { SpecDiff } from '../../core/diff/types.js';
import { parseSpec } from '../../core/markdown/parse.js';
import { mergeSections } from '../../core/merge/merge-sections.js';
import type { MergeResult } from '../../core/merge/types.js';
import { applyClarification, type ClarificationAnswer } from '../../core/review/clarify.js';
import type { SpecDocument } from '../../core/spec/model.js';
import type { LintConfigInput } from '../../core/lint/config/config.js';
import { analyzeMarkdown, type VersionAnalysis } from '../store/analyze.js';

/** The named stage a job is in, so a job stopped past its budget can say where it was. */
export type Stage = 'parse' | 'lint' | 'diff';

type Job<A, R> = (args: A, stage: (name: Stage) => void) => R;

/**
 * The work the compute pool runs off the request path: everything that parses, lints or diffs
 * user text, whose cost the text decides. Each job reports its stage as it moves on.
 */
/** A text to summarise, with the settings of the `.specbench.json` beside its file (plain data: it crosses to the worker). */
export interface AnalyzeJobArgs {
  markdown: string;
  lint: boolean;
  lintConfig?: LintConfigInput;
}

export const jobs = {
  /** A version's stored summary (title, counts, fingerprint) and, unless `lint: false`, default-rules readiness. */
  analyze: ((args: AnalyzeJobArgs, stage) => analyzeMarkdown(args.markdown, { lint: args.lint, lintConfig: args.lintConfig, onStage: stage })) as Job<
    AnalyzeJobArgs,
    VersionAnalysis
  >,
  /** The semantic diff of two texts (both parsed first). */
  diff: ((args: { before: string; after: string; context?: number }, stage) => {
    stage('parse');
    const before = parseSpec(args.before);
    const after = parseSpec(args.after);
    stage('diff');
    return diffDocuments(before, after, { context: args.context });
  }) as Job<{ before: string; after: string; context?: number }, SpecDiff>,
  /** The section-wise three-way merge of a stale save (issue 15 FR-6): three texts parsed, then compared. */
  merge: ((args: { base: string; theirs: string; mine: string }, stage) => {
    stage('parse');
    return mergeSections(args.base, args.theirs, args.mine);
  }) as Job<{ base: string; theirs: string; mine: string }, MergeResult>,
  /** The parsed document, for host code that works on the model (review, briefs). */
  parse: ((args: { markdown: string }, stage) => {
    stage('parse');
    return parseSpec(args.markdown);
  }) as Job<{ markdown: string }, SpecDocument>,
  /** A clarification answer written into the spec (which is parsed to find the place). */
  applyClarification: ((args: { markdown: string; answer: ClarificationAnswer }, stage) => {
    stage('parse');
    return applyClarification(args.markdown, args.answer);
  }) as Job<{ markdown: string; answer: ClarificationAnswer }, ReturnType<typeof applyClarification>>,
};

export type JobName = keyof typeof jobs;
export type JobArgs<K extends JobName> = Parameters<(typeof jobs)[K]>[0];
export type JobResult<K extends JobName> = ReturnType<(typeof jobs)[K]>;

/** The first stage of each job: the pool names it if the job never reports another. */
export const FIRST_STAGE: Record<JobName, Stage> = { analyze: 'parse', diff: 'parse', merge: 'parse', parse: 'parse', applyClarification: 'parse' };
