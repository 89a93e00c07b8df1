import type { PassUsage } from '../../core/review/cost.js';
import type { Finding } from '../../core/review/finding.js';
import type { ClarifyQuestion } from '../../core/review/clarify.js';
import type { DraftProposal } from '../../core/review/tool-schema.js';

/** What a successful pass produced, kept so the same request is never paid for twice. */
export interface CachedPassResult {
  model: string;
  findings: Finding[];
  proposals: DraftProposal[];
  openQuestions: string[];
  questions: ClarifyQuestion[];
  /** What the original request cost, for display; a cache hit itself costs nothing. */
  usage: PassUsage;
  createdAt: string;
}

/**
 * Pass results by (spec content hash, pass id, model, prompt text hash). In memory today;
 * the store can back it with a table later without touching the runner.
 */
export interface PassResultCache {
  get(key: string): CachedPassResult | undefined;
  set(key: string, value: CachedPassResult): void;
}

/** An in-memory cache that forgets the least recently used entries beyond `limit`. */
export class MemoryPassResultCache implements PassResultCache {
  private readonly entries = new Map<string, CachedPassResult>();

  constructor(private readonly limit = 200) {}

  get(key: string): CachedPassResult | undefined {
    const value = this.entries.get(key);
    if (value) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: CachedPassResult): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }
}
