import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { findingSchema } from '../../core/review/finding.js';
import { quoteHash, type KeyedFinding } from '../../core/review/finding-key.js';

/** The last run of one pass on one spec, and what the author dismissed there (FR-4). */
export interface FindingHistory {
  /** The newest recorded run of this pass on this spec, whatever its version. */
  lastRun(specKey: string, passId: string): Promise<{ versionHash: string; findings: KeyedFinding[] } | null>;
  recordRun(specKey: string, passId: string, versionHash: string, findings: KeyedFinding[]): Promise<void>;
  dismissals(specKey: string): Promise<Array<{ key: string; quoteHash: string }>>;
  /** Dismisses a finding for as long as its quote stays as it is now. */
  dismiss(specKey: string, key: string, quote: string): Promise<void>;
}

const keyedSchema = z.object({ key: z.string().min(1), finding: findingSchema });
const fileSchema = z.object({
  specKey: z.string(),
  passes: z.record(z.string(), z.object({ versionHash: z.string(), findings: z.array(keyedSchema) })),
  dismissals: z.array(z.object({ key: z.string(), quoteHash: z.string(), at: z.string() })),
});
type HistoryFile = z.infer<typeof fileSchema>;

const empty = (specKey: string): HistoryFile => ({ specKey, passes: {}, dismissals: [] });

/** History kept in memory: the app's default, gone when the process ends. */
export class MemoryFindingHistory implements FindingHistory {
  private readonly files = new Map<string, HistoryFile>();
  /** One read-modify-write at a time per spec: passes of one run finish together and record concurrently. */
  private readonly updates = new Map<string, Promise<void>>();

  private update(specKey: string, change: (file: HistoryFile) => HistoryFile): Promise<void> {
    const previous = this.updates.get(specKey) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => this.write(change(await this.read(specKey))));
    this.updates.set(specKey, next);
    void next.finally(() => this.updates.get(specKey) === next && this.updates.delete(specKey)).catch(() => undefined);
    return next;
  }

  protected async read(specKey: string): Promise<HistoryFile> {
    return this.files.get(specKey) ?? empty(specKey);
  }

  protected async write(file: HistoryFile): Promise<void> {
    this.files.set(file.specKey, file);
  }

  async lastRun(specKey: string, passId: string) {
    return (await this.read(specKey)).passes[passId] ?? null;
  }

  async recordRun(specKey: string, passId: string, versionHash: string, findings: KeyedFinding[]) {
    await this.update(specKey, (file) => ({ ...file, passes: { ...file.passes, [passId]: { versionHash, findings } } }));
  }

  async dismissals(specKey: string) {
    return (await this.read(specKey)).dismissals;
  }

  async dismiss(specKey: string, key: string, quote: string) {
    await this.update(specKey, (file) => ({
      ...file,
      dismissals: [...file.dismissals.filter((d) => d.key !== key), { key, quoteHash: quoteHash(quote), at: new Date().toISOString() }],
    }));
  }
}

/**
 * History kept as one JSON file per spec under `<dataDir>/review-history/`, so separate CLI
 * runs label findings against each other. A file that fails validation is treated as empty
 * (and replaced on the next run) rather than failing the review.
 */
export class FileFindingHistory extends MemoryFindingHistory {
  constructor(private readonly dir: string) {
    super();
  }

  private path(specKey: string): string {
    return join(this.dir, `${createHash('sha256').update(specKey).digest('hex').slice(0, 32)}.json`);
  }

  protected override async read(specKey: string): Promise<HistoryFile> {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await readFile(this.path(specKey), 'utf8')));
      return parsed.success && parsed.data.specKey === specKey ? parsed.data : empty(specKey);
    } catch {
      return empty(specKey);
    }
  }

  protected override async write(file: HistoryFile): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const target = this.path(file.specKey);
    // A name of its own per write: two processes (or two writes) never share a temporary file.
    const temp = `${target}.${randomUUID()}.tmp`;
    await writeFile(temp, JSON.stringify(file), 'utf8');
    await rename(temp, target);
  }
}

/** Where the CLI keeps review history in a data folder. */
export function reviewHistoryDir(dataDir: string): string {
  return join(dataDir, 'review-history');
}
