import type { StoreContract } from '../../../../host/store/contract/store-contract.js';

/** A spec to hang decisions, transitions and answers on, created through the contract. */
export async function seedSpec(store: StoreContract, title: string): Promise<number> {
  return (await store.specs.createSpec({ source: { kind: 'markdown', markdown: `# ${title}\n\n## Context\n\nWhy ${title} matters.\n` } })).spec.id;
}
