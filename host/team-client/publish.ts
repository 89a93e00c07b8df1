import type { SpecStore } from '../store/spec-store.js';
import type { TeamClient } from './team-client.js';

/**
 * Copies a local spec to the team (FR-7): version 1 creates the team spec, every later version is
 * saved on top of the previous one in order, with its author and message. Versions keep their
 * text byte for byte (BOM flag included); the team numbers them 1…n like the local history.
 */
export async function publishSpec(store: SpecStore, team: TeamClient, specId: number): Promise<{ teamSpecId: number; versions: number; url: string }> {
  const versions = store.listVersions(specId).sort((a, b) => a.number - b.number);
  const first = versions[0];
  if (!first) throw new Error(`spec ${specId} has no versions to publish`);
  const text = (n: number) => store.getVersion(specId, n);
  const v1 = text(first.number);
  const created = await team.call('specs.create', {
    source: { kind: 'markdown', markdown: v1.markdown, bom: v1.bom, fileName: store.getSpec(specId).spec.importName ?? undefined },
    author: v1.author,
    message: v1.message || 'Published from a local library',
  });
  let base = created.version.id;
  let count = 1;
  for (const info of versions.slice(1)) {
    const v = text(info.number);
    const saved = await team.call('versions.save', { specId: created.spec.id, markdown: v.markdown, bom: v.bom, author: v.author, message: v.message, baseVersionId: base });
    base = saved.version.id;
    if (saved.created) count += 1;
  }
  const url = team.status().url!;
  return { teamSpecId: created.spec.id, versions: count, url: `${url}/?spec=${created.spec.id}` };
}
