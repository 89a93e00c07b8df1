import { randomInt } from 'node:crypto';
import { renderPlan } from '../../core/validate/render.js';
import { resultForProblems, type CriterionResult, type Exchange } from '../../core/validate/results.js';
import type { CompiledCriterion, ControlOp, Op, RequestOp } from '../../core/validate/types.js';
import { AssertionFailure, judge } from './assertions.js';
import { ControlUnavailableError, type Control } from './control.js';
import { send, TargetUnreachableError, type Answer } from './http.js';
import { compareTimings } from './stats.js';
import { fill, MissingValueError, resolveRef, varsIn, type Env } from './values.js';

/** NFR-3: every loop is bounded in count and time. */
export const LIMITS = { maxRepeat: 200, maxSamples: 400, criterionMs: 60_000, tThreshold: 4.5 };

export interface RunContext {
  base: string;
  control: Control;
  /** Every compiled criterion by id, for the ones a criterion's text draws captures from. */
  byId: Map<string, CompiledCriterion>;
}

interface State {
  env: Env;
  exchanges: Exchange[];
  lastRequest: RequestOp | null;
  requests: Record<string, RequestOp>;
  generators: Record<string, Extract<ControlOp, { kind: 'user' }>>;
  deadline: number;
  notes: string[];
}

class DeadlineError extends Error {}

function checkDeadline(state: State): void {
  if (Date.now() > state.deadline) throw new DeadlineError(`criterion took longer than ${LIMITS.criterionMs} ms`);
}

async function sendOp(op: RequestOp, state: State, ctx: RunContext, record = true): Promise<Answer> {
  checkDeadline(state);
  const json = op.json === undefined ? undefined : fill(op.json, state.env);
  const cookie = op.cookie === undefined ? undefined : String(fill(op.cookie, state.env));
  const headers = op.headers ? Object.fromEntries(Object.entries(op.headers).map(([k, v]) => [k, String(fill(v, state.env))])) : undefined;
  const { answer, exchange } = await send(ctx.base, op.method, String(fill(op.path, state.env)), { json, cookie, headers });
  if (record) state.exchanges.push(exchange);
  return answer;
}

async function runUser(op: Extract<ControlOp, { kind: 'user' }>, state: State, ctx: RunContext): Promise<void> {
  const made = await ctx.control.user(op.status, op.password);
  state.env.vars[op.var] = made.email;
  state.generators[op.var] = op;
  if (op.var === 'email') {
    state.env.vars.userId = made.userId;
    state.env.vars.password = op.password;
  }
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * NFR-2: both requests re-sent with fresh users, in random interleaving, one at a time; Welch's t
 * on raw and cropped samples. Sequential like dudect: an inconclusive |t| (between 2 and the
 * threshold) adds another batch, up to four, so a small leak is found without slowing clear cases.
 */
async function runTiming(op: Extract<Op, { kind: 'timing' }>, state: State, ctx: RunContext): Promise<void> {
  const batch = Math.min(op.samples, LIMITS.maxSamples);
  const classes = op.requests.map((name) => {
    const request = state.requests[name];
    if (!request) throw new MissingValueError(`no request saved as ${name}`);
    const status = (state.env.responses[name] as Answer | undefined)?.status;
    return { name, request, status, fresh: varsIn(request).filter((v) => state.generators[v]) };
  });
  const times: [number[], number[]] = [[], []];
  let verdict = compareTimings([0, 0], [0, 0]);
  for (let round = 0; round < 4; round += 1) {
    const plan: { cls: number; vars: Record<string, unknown> }[] = [];
    for (let cls = 0; cls < 2; cls += 1) {
      for (let i = 0; i < batch; i += 1) {
        const vars: Record<string, unknown> = {};
        for (const v of classes[cls]!.fresh) vars[v] = (await ctx.control.user(state.generators[v]!.status, state.generators[v]!.password)).email;
        plan.push({ cls, vars });
      }
      checkDeadline(state);
    }
    for (const item of shuffle(plan)) {
      const c = classes[item.cls]!;
      const env: Env = { ...state.env, vars: { ...state.env.vars, ...item.vars } };
      const answer = await sendOp(c.request, { ...state, env }, ctx, false);
      if (answer.status !== c.status) throw new AssertionFailure(`timing sample of ${c.name} answered ${answer.status}, not ${c.status}: the samples would compare different code paths`, String(c.status), String(answer.status));
      times[item.cls]!.push(answer.ms);
    }
    verdict = compareTimings(times[0], times[1]);
    if (verdict.maxT < 2 || verdict.maxT > LIMITS.tThreshold * 1.5) break;
  }
  const detail = `median gap ${verdict.medianGapMs.toFixed(2)} ms, max |t| ${verdict.maxT.toFixed(2)} over ${times[0].length}+${times[1].length} interleaved samples (${verdict.crops.map((c) => `${c.crop} t=${c.t.toFixed(2)}`).join(', ')})`;
  state.notes.push(`timing: ${detail}`);
  if (verdict.medianGapMs > op.withinMs || verdict.maxT > LIMITS.tThreshold) {
    throw new AssertionFailure(`response times are distinguishable: ${detail}`, `gap ≤ ${op.withinMs} ms and |t| ≤ ${LIMITS.tThreshold}`, detail);
  }
}

async function runOp(op: Op, state: State, ctx: RunContext): Promise<void> {
  const { env } = state;
  switch (op.kind) {
    case 'request': {
      const answer = await sendOp(op, state, ctx);
      state.lastRequest = op;
      env.responses.last = answer;
      if (op.save) {
        env.responses[op.save] = answer;
        state.requests[op.save] = op;
      }
      return;
    }
    case 'repeat': {
      const request = op.request === 'last' ? state.lastRequest : op.request;
      if (!request) throw new MissingValueError('no earlier request to send again');
      const times = Math.min(op.times, LIMITS.maxRepeat);
      const answers: Answer[] = [];
      if (op.concurrent) answers.push(...(await Promise.all(Array.from({ length: times }, () => sendOp(request, state, ctx)))));
      else for (let i = 0; i < times; i += 1) answers.push(await sendOp(request, state, ctx));
      state.lastRequest = request;
      env.responses.last = answers[answers.length - 1];
      env.responses[op.save] = op.save === 'last' ? answers[answers.length - 1] : answers;
      return;
    }
    case 'user':
      return runUser(op, state, ctx);
    case 'set-status':
      await ctx.control.setStatus(String(fill(op.email, env)), op.status);
      return;
    case 'emails':
      env.responses[op.save] = await ctx.control.emails(op.to === undefined ? undefined : String(fill(op.to, env)));
      return;
    case 'tokens':
      env.responses[op.save] = await ctx.control.tokens(op.email === undefined ? undefined : String(fill(op.email, env)));
      return;
    case 'logs':
      env.responses[op.save] = await ctx.control.logs();
      return;
    case 'clock':
      await ctx.control.clock(op.advanceMs);
      return;
    case 'email-failures':
      await ctx.control.failEmails(op.count);
      return;
    case 'capture': {
      let value = resolveRef(op.from, env);
      if (op.regex !== undefined) {
        const m = new RegExp(op.regex).exec(String(value ?? ''));
        value = m?.[1];
      }
      if (value === undefined || value === null) throw new AssertionFailure(`nothing to capture as ${op.name} from ${op.from}`, `a value at ${op.from}`, 'none');
      env.vars[op.name] = value;
      return;
    }
    case 'assert': {
      const actual = resolveRef(op.actual, env);
      const expected = op.expected === undefined ? undefined : fill(op.expected, env);
      const where = op.where === undefined ? undefined : (fill(op.where, env) as Record<string, unknown>);
      judge(op, actual, expected, where);
      return;
    }
    case 'timing':
      return runTiming(op, state, ctx);
  }
}

/** The criteria whose captures `id` draws on, first ones first ("the token from AC-1" → AC-1). */
function setupChain(id: string, byId: Map<string, CompiledCriterion>, seen = new Set<string>()): CompiledCriterion[] {
  const c = byId.get(id);
  if (!c || seen.has(id)) return [];
  seen.add(id);
  return [...c.dependsOn.flatMap((d) => setupChain(d, byId, seen)), c];
}

/**
 * Runs one criterion from a clean state: reset through the contract, the plans of the criteria
 * its text names (their captures carried over), then its own plan. Never passes a criterion that
 * did not compile (undefined, ambiguous, non-binary).
 */
export async function runCriterion(criterion: CompiledCriterion, ctx: RunContext): Promise<CriterionResult> {
  const plan = renderPlan(criterion.plan);
  const notRunnable = resultForProblems(criterion.id, criterion.problems, plan);
  if (notRunnable) return notRunnable;
  const started = Date.now();
  const state: State = { env: { vars: {}, responses: {}, base: ctx.base }, exchanges: [], lastRequest: null, requests: {}, generators: {}, deadline: started + LIMITS.criterionMs, notes: [] };
  const chain = setupChain(criterion.id, ctx.byId);
  const base = { id: criterion.id, plan, exchanges: state.exchanges, notes: state.notes };
  let current = criterion.id;
  try {
    await ctx.control.reset();
    for (const c of chain) {
      current = c.id;
      if (c.problems.length > 0) return { ...base, status: 'undefined', message: `${c.id}, whose captures this criterion uses, does not compile`, ms: Date.now() - started };
      for (const op of c.plan) await runOp(op, state, ctx);
    }
    return { ...base, status: 'passed', ms: Date.now() - started };
  } catch (error) {
    const ms = Date.now() - started;
    const where = current === criterion.id ? '' : `setup ${current}: `;
    if (error instanceof AssertionFailure) return { ...base, status: 'failed', message: where + error.message, expected: error.expected, actual: error.actual, ms };
    if (error instanceof ControlUnavailableError) return { ...base, status: 'undefined', message: where + error.message, ms };
    if (error instanceof MissingValueError) return { ...base, status: 'failed', message: where + error.message, ms };
    if (error instanceof TargetUnreachableError || error instanceof DeadlineError) return { ...base, status: 'error', message: where + error.message, ms };
    return { ...base, status: 'error', message: where + (error instanceof Error ? error.message : String(error)), ms };
  }
}
