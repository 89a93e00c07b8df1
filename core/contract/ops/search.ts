import { z } from 'zod';
import { defineOperation } from '../define.js';
import { specStateSchema } from './specs.js';

/** Text with the matched words marked, ready to render without HTML. */
export const highlightedTextSchema = z.array(z.object({ text: z.string(), match: z.boolean() }));
export type HighlightedText = z.infer<typeof highlightedTextSchema>;

export const searchHitSchema = z.object({
  specId: z.number().int(),
  title: z.string(),
  state: specStateSchema,
  /** Versions whose text matched, newest first (at most 20). */
  versions: z.array(z.number().int()),
  /** The newest version matched (not only older ones). */
  inHead: z.boolean(),
  snippet: highlightedTextSchema,
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchArgsSchema = z
  .object({
    /** Words (all must match; the last may be a prefix) or "quoted phrases". */
    query: z.string().trim().min(1, 'query is empty').max(500),
    limit: z.number().int().min(1).max(200).default(20),
    states: z.array(specStateSchema).min(1).default(['active', 'archived']),
  })
  .strict();

export const searchOperations = {
  'search.query': defineOperation({
    doc: 'Full-text search over every version of every spec (SQLite FTS5), best match first, one hit per spec with a highlighted snippet.',
    args: searchArgsSchema,
    result: z.object({ hits: z.array(searchHitSchema) }),
  }),
};
