import type { Draft } from '../../core/contract/ops/drafts.js';
import { HostError } from '../common/host-error.js';
import { prepareContent } from './history.js';
import { notFound, nowIso, writeTransaction, type StoreSession } from './session.js';
import type { SaveDraftInput } from './types.js';

/** Replaces the spec's draft and marks the spec edited, in one transaction. */
export function saveDraft(s: StoreSession, input: SaveDraftInput): { updatedAt: string } {
  prepareContent(input.markdown);
  return writeTransaction(s, () => {
    const spec = s.q.specs.get(input.specId);
    if (!spec) throw notFound(`spec ${input.specId}`);
    if (spec.state === 'trashed') throw new HostError('SPEC_TRASHED', `spec ${input.specId} is in the trash; restore it before editing`);
    let base: number | null = null;
    if (input.baseVersionId !== undefined) {
      const version = s.q.versions.byId(input.baseVersionId);
      if (!version || version.spec_id !== input.specId) throw notFound(`version id ${input.baseVersionId} of spec ${input.specId}`);
      base = version.id;
    }
    const updatedAt = nowIso();
    s.q.drafts.save({
      spec_id: input.specId,
      markdown: input.markdown,
      bom: input.bom ? 1 : 0,
      cursor_line: input.cursor?.line ?? 1,
      cursor_column: input.cursor?.column ?? 1,
      base_version_id: base,
      updated_at: updatedAt,
    });
    s.q.specs.touch(input.specId, updatedAt);
    return { updatedAt };
  });
}

export function loadDraft(s: StoreSession, specId: number): Draft | null {
  if (!s.q.specs.get(specId)) throw notFound(`spec ${specId}`);
  return s.q.drafts.get(specId) ?? null;
}

export function discardDraft(s: StoreSession, specId: number): boolean {
  if (!s.q.specs.get(specId)) throw notFound(`spec ${specId}`);
  return s.q.drafts.remove(specId);
}
