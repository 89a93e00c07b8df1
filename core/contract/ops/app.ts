import { z } from 'zod';
import { defineOperation } from '../define.js';

export const openedFileSchema = z.object({
  /** Absolute path on the host, or null for a file picked in the browser (saved by download). */
  path: z.string().nullable(),
  name: z.string(),
  content: z.string(),
  /** The file began with a UTF-8 byte-order mark; saving writes it back. */
  bom: z.boolean(),
});
export type OpenedFile = z.infer<typeof openedFileSchema>;

export const appOperations = {
  'app.info': defineOperation({
    doc: 'What the host is: transport mode, capabilities, version, data folder.',
    args: z.object({}).strict(),
    result: z.object({
      mode: z.enum(['electron', 'browser']),
      version: z.string(),
      /** Native open/save dialogs exist (Electron); otherwise the renderer uses a file picker and downloads. */
      nativeDialogs: z.boolean(),
      dataDir: z.string(),
      /** A team server: Save makes a version in the shared library (no download), and a refusal is an error. */
      team: z.boolean().optional(),
    }),
  }),
  'app.initialDocument': defineOperation({
    doc: 'The document to show at start-up: the file named on the command line, else a working copy of the magic-link sample in the data folder (created once, never overwritten).',
    args: z.object({}).strict(),
    result: openedFileSchema.nullable(),
  }),
};
