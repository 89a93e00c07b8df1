import { z } from 'zod';
import { defineOperation } from '../define.js';

const idArg = z.number().int().positive();

/** Editor caret, 1-based, in the whole document. */
export const cursorSchema = z.object({ line: z.number().int().min(1), column: z.number().int().min(1) });

/** The autosaved, unnamed state of a spec being edited: one per spec, separate from versions. */
export const draftSchema = z.object({
  specId: z.number().int(),
  markdown: z.string(),
  bom: z.boolean(),
  cursor: cursorSchema,
  /** The version the draft was started from (null if that version is gone). */
  baseVersionId: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type Draft = z.infer<typeof draftSchema>;

export const saveDraftArgsSchema = z
  .object({
    specId: idArg,
    markdown: z.string().max(10 * 1024 * 1024),
    bom: z.boolean().default(false),
    cursor: cursorSchema.default({ line: 1, column: 1 }),
    baseVersionId: idArg.optional(),
  })
  .strict();

export const draftOperations = {
  'drafts.save': defineOperation({
    doc: 'Autosaves the editor text and cursor of a spec (replacing its previous draft); returns once written to disk.',
    args: saveDraftArgsSchema,
    result: z.object({ updatedAt: z.string() }),
  }),
  'drafts.load': defineOperation({
    doc: "A spec's autosaved draft, or null when it has none.",
    args: z.object({ specId: idArg }).strict(),
    result: draftSchema.nullable(),
  }),
  'drafts.discard': defineOperation({
    doc: "Deletes a spec's draft (after the user chose the saved version instead).",
    args: z.object({ specId: idArg }).strict(),
    result: z.object({ discarded: z.boolean() }),
  }),
};
