import { z } from 'zod';

/**
 * The sidecar next to an evaluation spec (`name.md` → `name.gaps.json`, FR-5): the domains the
 * spec is in, and the gaps planted in it that a good reviewer should raise. A gap counts as
 * raised by a finding whose rule is one of `rules` (offline reviewer) or, for a model's
 * finding, whose problem or suggestion contains one of `terms` and that sits in the gap's
 * `sections` when they are given.
 */
export const sidecarSchema = z
  .object({
    domains: z.array(z.string().min(1)),
    gaps: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'gap ids are lower-case letters, digits and dashes'),
            description: z.string().min(1),
            rules: z.array(z.string().min(1)).default([]),
            terms: z.array(z.string().min(1)).default([]),
            sections: z.array(z.string().min(1)).optional(),
          })
          .strict()
          .refine((g) => g.rules.length + g.terms.length > 0, 'a gap needs rules or terms to be matched by'),
      )
      .min(1),
  })
  .strict();
export type Sidecar = z.infer<typeof sidecarSchema>;
