import { CucumberExpression, type ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import { lintItemText } from '../lint/lint-item.js';
import { createParameterRegistry } from './parameter-types.js';
import { normaliseStepText, splitCriterion, type Atom } from './split.js';
import type { CompiledCriterion, CompiledStep, CompileProblem, Nearest, Op, StepDefinition, StepKeyword } from './types.js';

interface Bound {
  definition: StepDefinition;
  expression: string;
  compiled: CucumberExpression;
}

export interface StepLibrary {
  definitions: readonly StepDefinition[];
  match(text: string): { definition: StepDefinition; args: unknown[] }[];
  nearest(text: string, n?: number): Nearest[];
}

/** Errors in a team's phrase mapping or a definition's expression, reported with the phrase. */
export class StepLibraryError extends Error {
  override name = 'StepLibraryError';
}

/**
 * Binds every definition's expressions once. Team phrases (`.specbench.json` `"steps"`) map a
 * phrase (itself a cucumber expression) to one library expression and reuse its builder.
 */
export function createStepLibrary(definitions: readonly StepDefinition[], teamPhrases: Record<string, string> = {}, registry: ParameterTypeRegistry = createParameterRegistry()): StepLibrary {
  const all: StepDefinition[] = [...definitions];
  for (const [phrase, target] of Object.entries(teamPhrases)) {
    const owner = definitions.find((d) => d.expressions.includes(target));
    if (!owner) throw new StepLibraryError(`.specbench.json steps: "${phrase}" maps to "${target}", which is no step expression`);
    all.push({ id: `team: ${phrase}`, expressions: [phrase], source: 'team', build: owner.build });
  }
  const bound: Bound[] = [];
  for (const definition of all) {
    for (const expression of definition.expressions) {
      try {
        bound.push({ definition, expression, compiled: new CucumberExpression(expression, registry) });
      } catch (error) {
        throw new StepLibraryError(`step ${definition.id}: "${expression}": ${(error as Error).message}`);
      }
    }
  }
  return {
    definitions: all,
    match(text) {
      const found = new Map<StepDefinition, unknown[]>();
      for (const b of bound) {
        if (found.has(b.definition)) continue;
        const args = b.compiled.match(text);
        if (args) found.set(b.definition, args.map((a) => a.getValue(null)));
      }
      return [...found].map(([definition, args]) => ({ definition, args }));
    },
    nearest(text, n = 3) {
      const words = wordSet(text);
      const scored = bound.map((b) => ({ b, score: dice(words, wordSet(b.expression.replace(/\{\w*\}/g, ' '))) }));
      scored.sort((x, y) => y.score - x.score);
      const out: Nearest[] = [];
      for (const { b } of scored) {
        if (out.some((o) => o.definition === b.definition.id)) continue;
        out.push({ definition: b.definition.id, expression: b.expression });
        if (out.length === n) break;
      }
      return out;
    },
  };
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^a-z0-9_]+/).filter((w) => w.length > 1 && !STOP.has(w)));
}
const STOP = new Set(['the', 'an', 'is', 'of', 'to', 'in', 'on', 'with', 'that', 'for', 'and']);

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size + b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common += 1;
  return (2 * common) / (a.size + b.size);
}

const MAX_ATOMS = 40;
const REF = /\b(?:from|in|of|by)\s+(AC-\d+)\b/g;

interface Piece {
  from: number;
  to: number;
  text: string;
  matches: { definition: StepDefinition; args: unknown[] }[];
}

/**
 * Compiles one criterion (FR-2): splits it into atoms, then finds the segmentation in which each
 * step matches exactly one definition (dynamic programming over adjacent atoms of one keyword
 * segment). Unmatched runs are `undefined` with the three nearest definitions; a run matching
 * two definitions is `ambiguous`. A criterion the quality engine marks non-binary is never runnable.
 */
export function compileCriterion(id: string, text: string, library: StepLibrary): CompiledCriterion {
  const { style, atoms: allAtoms } = splitCriterion(text);
  const atoms = allAtoms.slice(0, MAX_ATOMS);
  const refs = [...new Set([...text.matchAll(REF)].map((m) => m[1]!))].filter((r) => r !== id);
  const problems: CompileProblem[] = [];

  const lint = lintItemText(text, 'ac');
  // FR-2: a "should" in a Then step is read as an assertion, so that one finding does not block it.
  const blocking = lint.findings.filter((f) => f.severity === 'error' && !(f.rule === 'ac/weak-modal' && text.slice(f.start, f.end).toLowerCase() === 'should'));
  if (blocking.length > 0) {
    const findings = blocking.map((f) => ({ rule: f.rule, message: f.message }));
    problems.push({ kind: 'non-binary', message: `not binary: ${findings.map((f) => f.message).join('; ')}`, findings });
  }

  const pieceAt = (from: number, to: number): Piece | null => {
    if (atoms[from]!.segment !== atoms[to - 1]!.segment) return null;
    let joined = atoms[from]!.text;
    for (let k = from + 1; k < to; k += 1) joined += atoms[k]!.joiner + atoms[k]!.text;
    const normal = normaliseStepText(joined);
    return { from, to, text: normal, matches: library.match(normal) };
  };

  // best[i]: fewest unmatched atoms, then fewest steps, for atoms[0..i).
  const best: { cost: number; steps: number; prev: number; piece: Piece | null }[] = [{ cost: 0, steps: 0, prev: -1, piece: null }];
  for (let i = 1; i <= atoms.length; i += 1) {
    best[i] = { cost: Infinity, steps: Infinity, prev: i - 1, piece: null };
    for (let j = Math.max(0, i - 8); j < i; j += 1) {
      const piece = pieceAt(j, i);
      if (!piece) continue;
      const matched = piece.matches.length === 1;
      const cost = best[j]!.cost + (matched ? 0 : i - j);
      const steps = best[j]!.steps + 1;
      const cur = best[i]!;
      if (cost < cur.cost || (cost === cur.cost && steps < cur.steps)) {
        best[i] = { cost, steps, prev: j, piece };
      }
    }
  }
  const pieces: Piece[] = [];
  for (let i = atoms.length; i > 0; i = best[i]!.prev) pieces.unshift(best[i]!.piece ?? pieceAt(i - 1, i)!);

  const steps: CompiledStep[] = [];
  let keyword: StepKeyword = 'given';
  let pendingUndefined: { from: number; to: number } | null = null;
  const flushUndefined = (): void => {
    if (!pendingUndefined) return;
    const joined = normaliseStepText(atoms.slice(pendingUndefined.from, pendingUndefined.to).map((a, k) => (k === 0 ? a.text : a.joiner + a.text)).join(''));
    problems.push({ kind: 'undefined', text: joined, start: atoms[pendingUndefined.from]!.start, end: atoms[pendingUndefined.to - 1]!.end, nearest: library.nearest(joined) });
    pendingUndefined = null;
  };
  for (const piece of pieces) {
    const first = atoms[piece.from]!;
    const last = atoms[piece.to - 1]!;
    if (piece.matches.length > 1) {
      flushUndefined();
      problems.push({ kind: 'ambiguous', text: piece.text, start: first.start, end: last.end, definitions: piece.matches.map((m) => m.definition.id) });
      continue;
    }
    if (piece.matches.length === 0) {
      if (pendingUndefined && pendingUndefined.to === piece.from && atoms[pendingUndefined.from]!.segment === first.segment) pendingUndefined.to = piece.to;
      else {
        flushUndefined();
        pendingUndefined = { from: piece.from, to: piece.to };
      }
      continue;
    }
    flushUndefined();
    const { definition, args } = piece.matches[0]!;
    let ops: Op[];
    try {
      ops = definition.build(args, { refs });
    } catch (error) {
      problems.push({ kind: 'undefined', text: piece.text, start: first.start, end: last.end, nearest: [{ definition: definition.id, expression: `cannot build: ${(error as Error).message}` }] });
      continue;
    }
    const asserts = ops.length > 0 && ops.every((o) => o.kind === 'assert' || o.kind === 'timing');
    keyword = first.keyword ?? (asserts ? 'then' : keyword === 'then' ? 'then' : keyword);
    steps.push({ text: piece.text, keyword, start: first.start, end: last.end, definition: definition.id, ops });
  }
  flushUndefined();

  const plan = steps.flatMap((s) => s.ops);
  if (!plan.some((o) => o.kind === 'assert' || o.kind === 'timing') && !problems.some((p) => p.kind === 'undefined' || p.kind === 'ambiguous')) {
    problems.push({ kind: 'no-assertion', message: 'no step checks an outcome' });
  }
  return { id, text, style, steps, dependsOn: refs, problems, plan };
}

/** A criterion can run only when every step bound to exactly one definition and it is binary. */
export function isRunnable(criterion: CompiledCriterion): boolean {
  return criterion.problems.length === 0;
}

export type { Atom };
