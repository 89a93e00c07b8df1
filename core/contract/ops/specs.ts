import { z } from 'zod';
import { defineOperation } from '../define.js';
import { versionInfoSchema, versionDetailSchema } from './versions.js';
import { draftSchema } from './drafts.js';

const idArg = z.number().int().positive();
const pathArg = z.string().min(1, 'path is empty').max(4096, 'path is longer than 4096 characters');
const titleArg = z.string().trim().min(1, 'title is empty').max(300, 'title is longer than 300 characters');
const authorArg = z.string().max(200).optional();

/** Where a spec sits in the library: the trash keeps it until emptied. */
export const specStateSchema = z.enum(['active', 'archived', 'trashed']);
export type SpecState = z.infer<typeof specStateSchema>;

/** Item counts of a version (the parsed summary). */
export const specCountsSchema = z.object({
  sections: z.number().int(),
  fr: z.number().int(),
  nfr: z.number().int(),
  ac: z.number().int(),
  rows: z.number().int(),
});
export type SpecCounts = z.infer<typeof specCountsSchema>;

/** One row of the library screen. */
export const specListItemSchema = z.object({
  id: z.number().int(),
  /** The renamed title, else the head version's document title. */
  title: z.string(),
  /** Front-matter status of the head version ("draft", "in-review", "approved"…), or null. */
  status: z.string().nullable(),
  state: specStateSchema,
  template: z.string(),
  /** Lint readiness (0–100) of the head version, or null when it was saved without one. */
  readiness: z.number().nullable(),
  headVersionId: z.number().int(),
  /** Number of the newest version; versions are numbered 1, 2, 3… so this is also the count. */
  headVersion: z.number().int(),
  counts: specCountsSchema,
  /** File name the spec was imported from, reused as the export name. */
  importName: z.string().nullable(),
  createdAt: z.string(),
  /** Last version, draft or rename. */
  lastEditedAt: z.string(),
  hasDraft: z.boolean(),
  trashedAt: z.string().nullable(),
  /**
   * The latest stored "spec required?" recommendation (issue 14 FR-8) with its reasons, joined
   * in by `specs.list` so the Library shows it without a call per row; null when never answered,
   * absent where a row is not a listing (specs.get…).
   */
  specRequired: z.object({ recommended: z.boolean(), reasons: z.array(z.string()) }).nullable().optional(),
});
export type SpecListItem = z.infer<typeof specListItemSchema>;

export const specSortSchema = z.enum(['lastEdited', 'title', 'readiness', 'created', 'status']);
export type SpecSort = z.infer<typeof specSortSchema>;

export const specListArgsSchema = z
  .object({
    state: specStateSchema.default('active'),
    /** Only specs whose head version has this front-matter status. */
    status: z.string().max(100).optional(),
    /** Only specs whose title contains this text (case-insensitive). */
    titleContains: z.string().max(300).optional(),
    sort: specSortSchema.default('lastEdited'),
    /** Default: newest first for dates and readiness, A–Z for text. */
    direction: z.enum(['asc', 'desc']).optional(),
  })
  .strict();
export type SpecListArgs = z.input<typeof specListArgsSchema>;

export const templateIdSchema = z.enum(['agent-ready', 'product-ops', 'speckit', 'kiro-requirements', 'kiro-design', 'openspec', 'openspec-delta']);

/** A new spec from a template (blank sections with hints) or from Markdown (pasted or opened). */
export const specSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('template'), template: templateIdSchema, title: titleArg }).strict(),
  z
    .object({
      kind: z.literal('markdown'),
      markdown: z.string().max(10 * 1024 * 1024),
      bom: z.boolean().default(false),
      /** Overrides the document's title in the library (the Markdown is not changed). */
      title: titleArg.optional(),
      /** File name it came from; reused as the export name. */
      fileName: z.string().max(255).optional(),
    })
    .strict(),
]);
export type SpecSource = z.input<typeof specSourceSchema>;

const importedFileSchema = z.object({ file: z.string(), specId: z.number().int(), title: z.string() });
const skippedFileSchema = z.object({
  file: z.string(),
  /** NOT_MARKDOWN, INVALID_UTF8, FILE_TOO_LARGE, UNREADABLE, NOT_A_FILE; recursive: NOT_A_SPEC, TOO_DEEP, SYMLINK_LOOP */
  code: z.string(),
  reason: z.string(),
});

export const exportResultSchema = z.object({
  /** Sanitised file name (no path separators, no emoji), ending in .md. */
  fileName: z.string(),
  content: z.string(),
  bom: z.boolean(),
  /** Where the host wrote it, or null when no path was given (the UI downloads `content`). */
  path: z.string().nullable(),
  bytes: z.number().int(),
  version: z.number().int(),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

/** A spec as the editor opens it: its library row, its newest version with Markdown, and its autosaved draft if any. */
export const openedSpecSchema = z.object({ spec: specListItemSchema, head: versionDetailSchema, draft: draftSchema.nullable() });
export type OpenedSpec = z.infer<typeof openedSpecSchema>;

export const specOperations = {
  'specs.list': defineOperation({
    doc: 'Lists library specs in one state (active, archived or trashed) with title, status, readiness and last edit, filtered and sorted.',
    args: specListArgsSchema,
    result: z.object({ specs: z.array(specListItemSchema) }),
  }),
  'specs.get': defineOperation({
    doc: 'Opens a spec: its library row, its newest version with Markdown, and its autosaved draft if any.',
    args: z.object({ id: idArg }).strict(),
    result: openedSpecSchema,
  }),
  'specs.forFile': defineOperation({
    doc:
      'The library spec a file on the host keeps its history in (with its newest version and draft), or null when the file has none. ' +
      'The host owns the link: found by the canonical real path (symlinks resolved), else, for a file moved or renamed on disk, ' +
      'by the content hash of its text among links whose file is gone, which is then re-pointed to the new path. ' +
      'Any window, port or browser profile opening the file gets the same spec.',
    args: z.object({ path: pathArg }).strict(),
    result: openedSpecSchema.nullable(),
  }),
  'specs.create': defineOperation({
    doc:
      'Creates a spec with version 1, from a template or from Markdown; the host computes its readiness. ' +
      'With `file`, the spec is the library copy of that host file: the host links them, and if the file is already linked ' +
      '(another window or port got there first) returns that spec instead (`created: false`).',
    args: z
      .object({
        source: specSourceSchema,
        author: authorArg,
        message: z.string().max(2000).optional(),
        /** The host file this spec keeps the history of (readiness then uses the `.specbench.json` beside it). */
        file: pathArg.optional(),
      })
      .strict(),
    result: z.object({ spec: specListItemSchema, version: versionInfoSchema, created: z.boolean() }),
  }),
  'specs.rename': defineOperation({
    doc: 'Renames a spec in the library; its Markdown and versions are not changed.',
    args: z.object({ id: idArg, title: titleArg }).strict(),
    result: specListItemSchema,
  }),
  'specs.archive': defineOperation({
    doc: 'Moves a spec to the archive (archived: true) or back to the active library (archived: false).',
    args: z.object({ id: idArg, archived: z.boolean() }).strict(),
    result: specListItemSchema,
  }),
  'specs.trash': defineOperation({
    doc: 'Moves a spec to the trash; it keeps every version until the trash is emptied.',
    args: z.object({ id: idArg }).strict(),
    result: specListItemSchema,
  }),
  'specs.restore': defineOperation({
    doc: 'Takes a spec out of the trash, back to where it was (active or archived).',
    args: z.object({ id: idArg }).strict(),
    result: specListItemSchema,
  }),
  'specs.emptyTrash': defineOperation({
    doc: 'Deletes trashed specs for good with their versions and drafts (all of them, or the given ids).',
    args: z.object({ ids: z.array(idArg).max(10_000).optional() }).strict(),
    result: z.object({ deleted: z.number().int() }),
  }),
  'specs.import': defineOperation({
    doc: 'Imports every .md file of a host folder (with `recursive`, of its tree: spec-kit, Kiro and OpenSpec layouts) as a spec; a file imported before adds a version to its spec when changed and nothing when unchanged. Other files are listed as skipped with reasons.',
    args: z.object({ path: pathArg, author: authorArg, recursive: z.boolean().optional() }).strict(),
    result: z.object({
      imported: z.array(importedFileSchema),
      updated: z.array(z.object({ file: z.string(), specId: z.number().int(), version: z.number().int() })).optional(),
      unchanged: z.array(z.object({ file: z.string(), specId: z.number().int() })).optional(),
      skipped: z.array(skippedFileSchema),
    }),
  }),
  'specs.export': defineOperation({
    doc: 'Exports a spec (its newest or a given version) as Markdown, byte-identical to what was saved; writes it when a path (file or folder) is given.',
    args: z.object({ id: idArg, version: z.number().int().positive().optional(), path: pathArg.optional() }).strict(),
    result: exportResultSchema,
  }),
};
