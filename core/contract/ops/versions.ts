import { z } from 'zod';
import type { ChangeSummary, SpecDiff } from '../../diff/types.js';
import type { MergedSection, SectionConflict } from '../../merge/types.js';
import { defineOperation } from '../define.js';

const idArg = z.number().int().positive();
const changeKindSchema = z.enum(['added', 'removed', 'modified']);

export const changeSummarySchema = z.object({
  sections: z.array(z.object({ key: z.string(), heading: z.string(), change: changeKindSchema })),
  items: z.array(z.object({ id: z.string(), section: z.string(), change: changeKindSchema, whitespaceOnly: z.boolean().optional() })),
  rows: z.array(z.object({ scenario: z.string(), change: changeKindSchema })),
});

/** One immutable version, without its Markdown (the history panel's row). */
export const versionInfoSchema = z.object({
  id: z.number().int(),
  specId: z.number().int(),
  /** 1, 2, 3… within the spec. */
  number: z.number().int(),
  author: z.string(),
  message: z.string(),
  createdAt: z.string(),
  /** SHA-256 (hex) of the Markdown's UTF-8 bytes. */
  contentHash: z.string(),
  bytes: z.number().int(),
  bom: z.boolean(),
  title: z.string(),
  status: z.string().nullable(),
  template: z.string(),
  counts: z.object({ sections: z.number().int(), fr: z.number().int(), nfr: z.number().int(), ac: z.number().int(), rows: z.number().int() }),
  readiness: z.number().nullable(),
  /** The version this one restored, or null. */
  restoredFrom: z.number().int().nullable(),
  /** What changed against the previous version; null for version 1. Shown as lines by `describeChanges` (core/diff/describe). */
  changes: changeSummarySchema.nullable(),
});
export type VersionInfo = z.infer<typeof versionInfoSchema>;

export const versionDetailSchema = versionInfoSchema.extend({ markdown: z.string() });
export type VersionDetail = z.infer<typeof versionDetailSchema>;

const hunkSchema = z.object({
  oldStart: z.number().int(),
  oldLines: z.number().int(),
  newStart: z.number().int(),
  newLines: z.number().int(),
  lines: z.array(
    z.object({
      kind: z.enum(['context', 'added', 'removed']),
      text: z.string(),
      oldLine: z.number().int().optional(),
      newLine: z.number().int().optional(),
    }),
  ),
});

export const specDiffSchema = z.object({
  summary: changeSummarySchema,
  description: z.array(z.string()),
  sections: z.array(
    z.object({
      key: z.string(),
      heading: z.string(),
      change: z.enum(['added', 'removed', 'modified', 'unchanged']),
      before: z.string().nullable(),
      after: z.string().nullable(),
      beforeLine: z.number().int().nullable(),
      afterLine: z.number().int().nullable(),
      hunks: z.array(hunkSchema),
    }),
  ),
});

const mergedSectionSchema = z.object({ key: z.string(), heading: z.string(), change: changeKindSchema });

const sectionConflictSchema = z.object({
  key: z.string(),
  heading: z.string(),
  kind: z.enum(['both-modified', 'both-added', 'removed-by-theirs', 'removed-by-mine']),
  /** Null where the section is absent on that side. */
  base: z.string().nullable(),
  theirs: z.string().nullable(),
  mine: z.string().nullable(),
});

/**
 * What a stale save did (issue 15 FR-6; the team server sets it, and the local hosts for two
 * windows on one library). `merged`: the text saved is the section-wise merge of the head with
 * this save, given in `markdown` so the editor can load it. `conflict`: no version was created,
 * the text was kept as the spec's draft, and the sections both sides changed differently await the
 * merge view; save the resolved text with `baseVersionId: head.id`.
 */
export const saveMergeSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('merged'),
    /** The newest version the save was merged with. */
    head: z.object({ id: z.number().int(), number: z.number().int(), author: z.string() }),
    /** The sections taken from `head` (the other author's changes). */
    sections: z.array(mergedSectionSchema),
    markdown: z.string(),
  }),
  z.object({
    status: z.literal('conflict'),
    head: z.object({ id: z.number().int(), number: z.number().int(), author: z.string() }),
    base: z.object({ id: z.number().int(), number: z.number().int() }),
    conflicts: z.array(sectionConflictSchema),
    /** The save's text is the spec's draft now. */
    draftSaved: z.boolean(),
  }),
]);
export type SaveMerge = z.infer<typeof saveMergeSchema>;

// The schemas above describe core/diff's and core/merge's types; these fail to compile if they drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const diffSchemasMatchCore: [Same<ChangeSummary, z.output<typeof changeSummarySchema>>, Same<SpecDiff, z.output<typeof specDiffSchema>>] = [true, true];
export const mergeSchemasMatchCore: [Same<MergedSection, z.output<typeof mergedSectionSchema>>, Same<SectionConflict, z.output<typeof sectionConflictSchema>>] = [true, true];

export const saveVersionArgsSchema = z
  .object({
    specId: idArg,
    markdown: z.string().max(10 * 1024 * 1024),
    bom: z.boolean().default(false),
    author: z.string().max(200).optional(),
    message: z.string().max(2000).default(''),
    /**
     * The host file this text was just written to (Save, Save As): the host links it to the spec with
     * the file's new content hash. Readiness is always computed on the host, with the `.specbench.json`
     * beside the spec's file.
     */
    file: z.string().min(1, 'path is empty').max(4096, 'path is longer than 4096 characters').optional(),
    /** The version the editor started from; a different head means another window saved meanwhile. */
    baseVersionId: idArg.optional(),
  })
  .strict();

export const versionOperations = {
  'versions.save': defineOperation({
    doc: 'Saves the text as a new immutable version; identical content to the newest version creates none. When another author or window saved a newer version since baseVersionId, edits to different sections are merged and the same section edited on both sides is a conflict: nothing is saved as a version, the text is kept as the draft, and `merge` carries the sections for the merge view.',
    args: saveVersionArgsSchema,
    result: z.object({
      version: versionInfoSchema,
      /** False when the text equals the newest version (no new row). */
      created: z.boolean(),
      /** The newest version was not baseVersionId: someone saved in between. This save still happened. */
      newerVersionExists: z.boolean(),
      /** The autosaved draft held exactly this text and was discarded. */
      draftCleared: z.boolean(),
      /** Set only for a stale save that was merged or met a conflict (then `version` is the untouched head and `created` false). */
      merge: saveMergeSchema.optional(),
    }),
  }),
  'versions.list': defineOperation({
    doc: "A spec's versions, newest first, with author, message and what changed by requirement id.",
    args: z.object({ specId: idArg }).strict(),
    result: z.object({ versions: z.array(versionInfoSchema) }),
  }),
  'versions.get': defineOperation({
    doc: 'One version with its Markdown.',
    args: z.object({ specId: idArg, number: idArg }).strict(),
    result: versionDetailSchema,
  }),
  'versions.restore': defineOperation({
    doc: 'Restores a version by saving a new version with identical content; nothing is rewritten.',
    args: z.object({ specId: idArg, number: idArg, author: z.string().max(200).optional(), message: z.string().max(2000).optional() }).strict(),
    result: z.object({ version: versionInfoSchema, created: z.boolean() }),
  }),
  'versions.diff': defineOperation({
    doc: 'Semantic diff between two versions (sections, requirement ids, edge-case rows) with per-section line hunks and texts for a diff editor.',
    args: z.object({ specId: idArg, from: idArg, to: idArg, context: z.number().int().min(0).max(100).default(3) }).strict(),
    result: specDiffSchema,
  }),
};
