/**
 * Items by the words, codes or statuses they hold, so "which criteria mention X" is a lookup
 * instead of a scan over every criterion for every row (FR-9: no pairwise loops).
 */
export class PostingIndex<T> {
  private readonly postings = new Map<string, T[]>();

  add(key: string, item: T): void {
    const list = this.postings.get(key);
    if (!list) this.postings.set(key, [item]);
    else if (list[list.length - 1] !== item) list.push(item);
  }

  get(key: string): readonly T[] {
    return this.postings.get(key) ?? [];
  }

  /**
   * Items holding at least `share` of `keys` (at least one key). Only the postings of the
   * rarest keys are read: an item holding that share must hold one of them (pigeonhole).
   */
  holdingShare(keys: Iterable<string>, share: number, has: (item: T, key: string) => boolean): T[] {
    const list = [...new Set(keys)];
    if (list.length === 0) return [];
    const need = Math.max(1, Math.ceil(share * list.length));
    const rarest = [...list].sort((a, b) => this.get(a).length - this.get(b).length).slice(0, list.length - need + 1);
    const out: T[] = [];
    const seen = new Set<T>();
    for (const key of rarest) {
      for (const item of this.get(key)) {
        if (seen.has(item)) continue;
        seen.add(item);
        let held = 0;
        for (const k of list) if (has(item, k)) held++;
        if (held >= need) out.push(item);
      }
    }
    return out;
  }
}
