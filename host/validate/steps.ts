import { z } from 'zod';
import { createStepLibrary, type StepLibrary } from '../../core/validate/compile.js';
import { httpSteps } from '../../core/validate/library.js';
import type { Op, StepDefinition } from '../../core/validate/types.js';
// The one place the host loads a target's own steps (allowed by .dependency-cruiser.cjs).
import { validationSteps } from '../../embedded-server/validation-steps.js';

const template = z.unknown();
const request = z.object({ kind: z.literal('request'), method: z.string(), path: template, json: template.optional(), cookie: template.optional(), headers: z.record(z.string(), template).optional(), save: z.string().optional() });
/** Every op a target's step builds is checked: its file is outside our type system's reach at run time. */
const opSchema = z.discriminatedUnion('kind', [
  request,
  z.object({ kind: z.literal('user'), var: z.string(), status: z.enum(['active', 'suspended', 'unknown']), password: z.string().optional() }),
  z.object({ kind: z.literal('set-status'), email: template, status: z.enum(['active', 'suspended']) }),
  z.object({ kind: z.literal('emails'), to: template.optional(), save: z.string() }),
  z.object({ kind: z.literal('tokens'), email: template.optional(), save: z.string() }),
  z.object({ kind: z.literal('logs'), save: z.string() }),
  z.object({ kind: z.literal('clock'), advanceMs: z.number().nonnegative() }),
  z.object({ kind: z.literal('email-failures'), count: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('capture'), name: z.string(), from: z.string(), regex: z.string().optional() }),
  z.object({ kind: z.literal('assert'), actual: z.string(), predicate: z.string(), expected: template.optional(), says: z.string().optional(), where: z.record(z.string(), template).optional() }),
  z.object({ kind: z.literal('repeat'), request: z.union([request, z.literal('last')]), times: z.number().int().positive(), concurrent: z.boolean(), save: z.string() }),
  z.object({ kind: z.literal('timing'), requests: z.tuple([z.string(), z.string()]), withinMs: z.number().nonnegative(), samples: z.number().int().positive() }),
]);

/** The embedded server's domain steps, each op validated when it is built. */
export function embeddedTargetSteps(): StepDefinition[] {
  return validationSteps.map((s) => ({
    id: s.id,
    expressions: s.expressions,
    source: s.source,
    build: (args, ctx) => z.array(opSchema).parse(s.build(args, ctx)) as Op[],
  }));
}

/** The generic HTTP steps, the target's domain steps and the team's phrases. */
export function loadStepLibrary(teamPhrases: Record<string, string> = {}): StepLibrary {
  return createStepLibrary([...httpSteps, ...embeddedTargetSteps()], teamPhrases);
}
