import { newSpecMarkdown } from '../../core/templates/new-spec.js';
import { getTemplate } from '../../core/templates/index.js';
import type { SpecListArgs, SpecListItem } from '../../core/contract/ops/specs.js';
import { HostError } from '../common/host-error.js';
import { analyzeMarkdown, type VersionAnalysis } from './analyze.js';
import { serializeFingerprint } from '../../core/diff/fingerprint.js';
import { insertVersion, prepareContent, type PreparedContent } from './history.js';
import { defaultAuthor, notFound, nowIso, writeTransaction, type StoreSession } from './session.js';
import { toVersionInfo } from '../db/queries/versions.js';
import type { CreateSpecInput, CreatedSpec, OpenedSpec } from './types.js';

export function specItem(s: StoreSession, id: number): SpecListItem {
  const item = s.q.specs.listItem(id);
  if (!item) throw notFound(`spec ${id}`);
  return item;
}

/** Everything a new spec's first version needs, computed before any transaction (both dialects use it). */
export interface NewSpecPlan {
  content: PreparedContent;
  bom: boolean;
  analysis: VersionAnalysis;
  fingerprintJson: string;
  message: string;
  author: string;
  customTitle: string | null;
  importName: string | null;
  readiness: number | null;
}

/** Parses, hashes and checks the text of a new spec; `analysis` is the text's summary when the caller computed it off-thread. */
export function planNewSpec(input: CreateSpecInput, options: { analysis?: VersionAnalysis } = {}): NewSpecPlan {
  const source = input.source;
  const today = nowIso().slice(0, 10);
  const markdown = source.kind === 'template' ? newSpecMarkdown(source.template, source.title, today) : source.markdown;
  const bom = source.kind === 'markdown' ? (source.bom ?? false) : false;
  const content = prepareContent(markdown);
  const analysis = options.analysis ?? analyzeMarkdown(markdown, { lint: input.readiness === undefined, lintConfig: input.lintConfig });
  const message =
    input.message ??
    (source.kind === 'template'
      ? `Created from the ${getTemplate(source.template).name} template`
      : source.fileName
        ? `Imported from ${source.fileName}`
        : 'Created from Markdown');
  return {
    content,
    bom,
    analysis,
    fingerprintJson: serializeFingerprint(analysis.fingerprint),
    message,
    author: input.author ?? defaultAuthor(),
    customTitle: source.kind === 'markdown' ? (source.title ?? null) : null,
    importName: source.kind === 'markdown' ? (source.fileName ?? null) : null,
    readiness: input.readiness !== undefined ? input.readiness : analysis.readiness,
  };
}

/** Creates a spec and its version 1 in one transaction; `analysis` is the text's summary when the caller computed it off-thread. */
export function createSpec(s: StoreSession, input: CreateSpecInput, options: { analysis?: VersionAnalysis } = {}): CreatedSpec {
  const plan = planNewSpec(input, options);
  return writeTransaction(s, () => {
    const now = nowIso();
    const specId = s.q.specs.insert(plan.customTitle, plan.importName, now);
    const versionId = insertVersion(s, {
      specId,
      number: 1,
      content: plan.content,
      bom: plan.bom,
      author: plan.author,
      message: plan.message,
      now,
      analysis: plan.analysis,
      fingerprintJson: plan.fingerprintJson,
      readiness: plan.readiness,
      restoredFrom: null,
      changes: null,
    });
    return { spec: specItem(s, specId), version: toVersionInfo(s.q.versions.byId(versionId)!) };
  });
}

export function listSpecs(s: StoreSession, args: SpecListArgs = {}): SpecListItem[] {
  return s.q.specs.list({
    state: args.state ?? 'active',
    status: args.status,
    titleContains: args.titleContains,
    sort: args.sort ?? 'lastEdited',
    direction: args.direction,
  });
}

/** A spec with its newest version's Markdown and its draft: what the editor opens. */
export function openSpec(s: StoreSession, id: number): OpenedSpec {
  const spec = specItem(s, id);
  const head = s.q.versions.byId(spec.headVersionId)!;
  return {
    spec,
    head: { ...toVersionInfo(head), markdown: s.q.versions.markdown(head.content_id)! },
    draft: s.q.drafts.get(id) ?? null,
  };
}

export function renameSpec(s: StoreSession, id: number, title: string): SpecListItem {
  const clean = title.trim();
  if (!clean) throw new HostError('INVALID_ARGUMENTS', 'a spec title cannot be empty');
  return writeTransaction(s, () => {
    if (!s.q.specs.get(id)) throw notFound(`spec ${id}`);
    s.q.specs.setTitle(id, clean, nowIso());
    return specItem(s, id);
  });
}

export function setArchived(s: StoreSession, id: number, archived: boolean): SpecListItem {
  return writeTransaction(s, () => {
    const spec = s.q.specs.get(id);
    if (!spec) throw notFound(`spec ${id}`);
    if (spec.state === 'trashed') throw new HostError('SPEC_TRASHED', `spec ${id} is in the trash; restore it first`);
    s.q.specs.setState(id, archived ? 'archived' : 'active', null, null);
    return specItem(s, id);
  });
}

export function trashSpec(s: StoreSession, id: number): SpecListItem {
  return writeTransaction(s, () => {
    const spec = s.q.specs.get(id);
    if (!spec) throw notFound(`spec ${id}`);
    if (spec.state !== 'trashed') s.q.specs.setState(id, 'trashed', spec.state, nowIso());
    return specItem(s, id);
  });
}

export function restoreSpec(s: StoreSession, id: number): SpecListItem {
  return writeTransaction(s, () => {
    const spec = s.q.specs.get(id);
    if (!spec) throw notFound(`spec ${id}`);
    if (spec.state === 'trashed') s.q.specs.setState(id, spec.state_before_trash ?? 'active', null, null);
    return specItem(s, id);
  });
}

/** Deletes trashed specs (all, or those of `ids` that are trashed) and the texts no version needs any more. */
export function emptyTrash(s: StoreSession, ids?: number[]): number {
  return writeTransaction(s, () => {
    const targets = ids ?? s.q.specs.trashedIds();
    let deleted = 0;
    for (const id of targets) if (s.q.specs.deleteTrashed(id)) deleted++;
    if (deleted > 0) s.q.versions.deleteOrphanContents();
    return deleted;
  });
}
