import { z } from 'zod';
import { defineOperation } from '../define.js';
import { openedFileSchema } from './app.js';

const pathArg = z.string().min(1, 'path is empty').max(4096, 'path is longer than 4096 characters');

export const fileOperations = {
  'files.read': defineOperation({
    doc: 'Reads a Markdown file from the host: UTF-8 checked (the first bad byte offset is reported) and at most 5 MB.',
    args: z.object({ path: pathArg }).strict(),
    result: openedFileSchema,
  }),
  'files.write': defineOperation({
    doc: 'Writes a Markdown file on the host atomically (temporary file, then rename).',
    args: z.object({ path: pathArg, content: z.string().max(5 * 1024 * 1024 * 2), bom: z.boolean().default(false) }).strict(),
    result: z.object({ path: z.string(), bytes: z.number().int().nonnegative() }),
  }),
  'files.openDialog': defineOperation({
    doc: 'Shows the native Open dialog (Electron only) and reads the chosen file; null when cancelled.',
    args: z.object({}).strict(),
    result: openedFileSchema.nullable(),
  }),
  'files.folderDialog': defineOperation({
    doc: 'Shows the native folder picker (Electron only) and returns the chosen folder, or null when cancelled. In the desktop app the folder is then granted to `specs.import` only (nothing else may read or write in it).',
    args: z.object({}).strict(),
    result: z.object({ path: z.string() }).nullable(),
  }),
  'files.saveDialog': defineOperation({
    doc: 'Shows the native Save dialog (Electron only); returns the chosen path, or null when cancelled.',
    args: z.object({ defaultName: z.string().max(255) }).strict(),
    result: z.object({ path: z.string() }).nullable(),
  }),
};
