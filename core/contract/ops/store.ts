import { z } from 'zod';
import { defineOperation } from '../define.js';

const pathArg = z.string().min(1, 'path is empty').max(4096, 'path is longer than 4096 characters');

export const backupFileSchema = z.object({ path: z.string(), bytes: z.number().int(), modifiedAt: z.string() });

export const storeOperations = {
  'store.info': defineOperation({
    doc: 'Where the database is, its schema version, the backups found, and why it cannot be opened (corrupt, newer, locked) if so.',
    args: z.object({}).strict(),
    result: z.object({
      path: z.string(),
      schemaVersion: z.number().int().nullable(),
      appSchemaVersion: z.number().int(),
      backupsDir: z.string(),
      /** Newest first. */
      backups: z.array(backupFileSchema),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  }),
  'store.backup': defineOperation({
    doc: "Writes a consistent copy of the database with SQLite's online backup API (safe while in use); default path is the backups folder.",
    args: z.object({ path: pathArg.optional() }).strict(),
    result: backupFileSchema,
  }),
  'store.restoreBackup': defineOperation({
    doc: 'Replaces the database with a backup after checking it; the current file is renamed aside, never overwritten or deleted.',
    args: z.object({ path: pathArg }).strict(),
    result: z.object({ restoredFrom: z.string(), movedAside: z.array(z.string()) }),
  }),
};
