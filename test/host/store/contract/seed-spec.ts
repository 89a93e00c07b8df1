import type { StoreContract } from '../../../../host/store/contract/store-contract.js';
import type { PgStore } from '../../../../host/store/pg/pg-store.js';

/**
 * A spec to hang decisions, transitions and answers on, created through the contract. Until the
 * PostgreSQL spec repository lands (a parallel branch; its placeholder answers NOT_IMPLEMENTED),
 * the postgres backend gets a bare `specs` row instead: the decision repository only needs the
 * spec to exist. Delete the fallback once `pgSpecRepository` is merged.
 */
export async function seedSpec(store: StoreContract, title: string): Promise<number> {
  try {
    return (await store.specs.createSpec({ source: { kind: 'markdown', markdown: `# ${title}\n\n## Context\n\nWhy ${title} matters.\n` } })).spec.id;
  } catch (error) {
    if (store.dialect !== 'postgres' || (error as { code?: string }).code !== 'NOT_IMPLEMENTED') throw error;
    const now = new Date().toISOString();
    const row = await (store as PgStore).db.one<{ id: number }>('INSERT INTO specs (custom_title, created_at, updated_at) VALUES ($1, $2, $2) RETURNING id', [title, now]);
    return row!.id;
  }
}
