import type { ItemFacts } from './facts/item-facts.js';
import type { AcStyle, Finding } from './types.js';

/** What linting one item's text yields; the same text always yields the same entry. */
export interface ItemResult {
  findings: readonly Finding[];
  binary?: boolean;
  score: number;
  style?: AcStyle;
  facts: ItemFacts;
}

/**
 * Item results by text, so re-linting after a keystroke only re-runs the rules on the item
 * that changed (NFR-2: < 16 ms for a 1,000-criterion spec). Entries not used by the last two
 * runs are dropped, so the cache holds about one document's worth however long the session.
 */
export class LintCache {
  private current = new Map<string, ItemResult>();
  private previous = new Map<string, ItemResult>();
  private configKey: string | null = null;
  hits = 0;
  misses = 0;

  /** Empties the cache when the config changed since the last run. */
  useConfig(key: string): void {
    if (this.configKey === key) return;
    this.configKey = key;
    this.current = new Map();
    this.previous = new Map();
  }

  get(key: string): ItemResult | undefined {
    let found = this.current.get(key);
    if (found) {
      this.hits++;
      return found;
    }
    found = this.previous.get(key);
    if (found) {
      this.hits++;
      this.current.set(key, found);
      return found;
    }
    this.misses++;
    return undefined;
  }

  set(key: string, value: ItemResult): void {
    this.current.set(key, value);
  }

  /** Called after each run: what this run did not touch becomes eligible for dropping. */
  endRun(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }
}

export function createLintCache(): LintCache {
  return new LintCache();
}
