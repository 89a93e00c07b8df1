import type { SaveVersionInput, SaveVersionResult } from '../store/types.js';
import type { SpecRepository } from '../store/contract/store-contract.js';

/**
 * PLACEHOLDER until issue 15 FR-6 lands: a save on the team server, given the version it was based
 * on. Today it saves as is (the store reports `newerVersionExists`); the merge branch replaces this
 * with the section-wise three-way merge.
 */
export async function saveOnTeam(specs: SpecRepository, input: SaveVersionInput): Promise<SaveVersionResult> {
  return specs.saveVersion(input);
}
