/**
 * The plan model of live validation: what a compiled criterion asks the runner to do. Plain data
 * (JSON-serialisable) so that a target's own steps, written without importing this file, can
 * produce it, and so that the host can run it and the renderer can show it.
 */

/** A reference the runner resolves: `vars.token`, `last.status`, `last.body.userId`, `a.text`,
 * `last.cookies.auth_token.value`, or a function of one: `sha256(vars.token)`, `jwt(vars.cookie).sub`. */
export type Ref = string;

/** A string, number or JSON value; strings may hold `{{ref}}` placeholders filled at run time. */
export type Template = unknown;

export interface RequestOp {
  kind: 'request';
  method: string;
  path: Template;
  json?: Template;
  /** A cookie pair `name=value` (template) sent in the Cookie header. */
  cookie?: Template;
  headers?: Record<string, Template>;
  /** The name the response is kept under (always also `last`). */
  save?: string;
}

/** The test-control contract (`/__dev`), named by what it does so any target can implement it. */
export type ControlOp =
  | { kind: 'user'; var: string; status: 'active' | 'suspended' | 'unknown'; password?: string }
  | { kind: 'set-status'; email: Template; status: 'active' | 'suspended' }
  | { kind: 'emails'; to?: Template; save: string }
  | { kind: 'tokens'; email?: Template; save: string }
  | { kind: 'logs'; save: string }
  | { kind: 'clock'; advanceMs: number }
  | { kind: 'email-failures'; count: number };

export interface CaptureOp {
  kind: 'capture';
  name: string;
  from: Ref;
  /** A regular expression whose first group is kept (applied to the text of `from`). */
  regex?: string;
}

export type Predicate =
  | 'equals'
  | 'not-equals'
  | 'shape'
  | 'contains'
  | 'not-contains'
  | 'matches'
  | 'is-null'
  | 'not-null'
  | 'count'
  | 'none-contain'
  | 'has-attribute'
  | 'at-most'
  | 'at-least';

export interface AssertOp {
  kind: 'assert';
  actual: Ref;
  predicate: Predicate;
  /** A literal, a template, or `{ ref }` for another resolved value. */
  expected?: Template;
  /** What the criterion's text said, for the failure message. */
  says?: string;
  /** Only entries whose field matches (for `count` over arrays of objects). */
  where?: Record<string, Template>;
}

/** The last request sent again, `times` more times (sequentially or concurrently), answers kept as an array. */
export interface RepeatOp {
  kind: 'repeat';
  request: RequestOp | 'last';
  times: number;
  concurrent: boolean;
  save: string;
}

/** NFR-2: two saved requests re-sent with fresh values in interleaved order, compared statistically. */
export interface TimingOp {
  kind: 'timing';
  requests: [string, string];
  withinMs: number;
  samples: number;
}

export type Op = RequestOp | ControlOp | CaptureOp | AssertOp | RepeatOp | TimingOp;

export type StepKeyword = 'given' | 'when' | 'then';

/** One phrase → ops. `build` gets the cucumber-expression arguments, already transformed. */
export interface StepDefinition {
  /** Unique and stable: shown in plans, in "nearest definitions" and in team phrase mappings. */
  id: string;
  /** One or more cucumber expressions; matching several phrasings of one definition is not ambiguous. */
  expressions: readonly string[];
  /** Where the definition comes from: 'library', the target's name, or 'team'. */
  source?: string;
  build(args: unknown[], ctx: BuildContext): Op[];
}

/** What a step's builder can know at compile time. */
export interface BuildContext {
  /** Criterion ids the step names ("from AC-1"). */
  refs: string[];
}

export interface CompiledStep {
  text: string;
  keyword: StepKeyword;
  /** Character offsets of the step in the criterion text. */
  start: number;
  end: number;
  definition: string;
  ops: Op[];
}

export interface Nearest {
  definition: string;
  expression: string;
}

export type CompileProblem =
  | { kind: 'undefined'; text: string; start: number; end: number; nearest: Nearest[] }
  | { kind: 'ambiguous'; text: string; start: number; end: number; definitions: string[] }
  | { kind: 'non-binary'; message: string; findings: { rule: string; message: string }[] }
  | { kind: 'no-assertion'; message: string };

export interface CompiledCriterion {
  id: string;
  text: string;
  style: 'gherkin' | 'ears' | 'plain';
  steps: CompiledStep[];
  /** Criteria whose captures this one uses, in the order they must run first. */
  dependsOn: string[];
  problems: CompileProblem[];
  /** Every op of every step, in order. */
  plan: Op[];
}
