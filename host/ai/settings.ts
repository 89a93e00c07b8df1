import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_MODEL } from './models.js';

/** Review settings kept on disk. The API key is never one of them. */
export const reviewSettingsSchema = z
  .object({
    model: z.string().min(1).max(200).default(DEFAULT_MODEL),
    /** Null: the SDK's default endpoint (or ANTHROPIC_BASE_URL where the env is read). */
    baseURL: z.string().url().max(2000).nullable().default(null),
    maxTokens: z.number().int().min(256).max(64000).default(8192),
    concurrency: z.number().int().min(1).max(8).default(3),
    /** Per request; the SDK retries timeouts within `maxRetries`. */
    timeoutMs: z.number().int().min(1000).max(30 * 60 * 1000).default(10 * 60 * 1000),
    /** Bounded SDK retries for 429, 529, 5xx, timeouts and connection errors. */
    maxRetries: z.number().int().min(0).max(5).default(2),
    /**
     * The origin the stored key was entered for: the key is sent nowhere else, and changing the
     * base URL to another origin clears it. Null for a key stored before origins were recorded.
     */
    keyOrigin: z.string().max(2000).nullable().default(null),
  })
  .strict();
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;

export const SETTINGS_FILE = 'review-settings.json';

/** Settings from the data folder; a missing or unreadable file gives the defaults. */
export async function loadReviewSettings(dataDir: string): Promise<ReviewSettings> {
  try {
    const raw: unknown = JSON.parse(await readFile(join(dataDir, SETTINGS_FILE), 'utf8'));
    const parsed = reviewSettingsSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
  } catch {
    // Missing or corrupt: defaults, and the next save rewrites the file.
  }
  return reviewSettingsSchema.parse({});
}

/** Writes settings atomically (temporary file, then rename). */
export async function saveReviewSettings(dataDir: string, settings: ReviewSettings): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, SETTINGS_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(reviewSettingsSchema.parse(settings), null, 2)}\n`, 'utf8');
  await rename(temp, file);
}
