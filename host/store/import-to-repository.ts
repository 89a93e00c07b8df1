import { join, resolve } from 'node:path';
import type { SpecListItem } from '../../core/contract/ops/specs.js';
import { HostError } from '../common/host-error.js';
import { lintConfigsByFolder } from '../lint/spec-lint-config.js';
import type { Analyzer, VersionAnalysis } from './analyze.js';
import { contentHash } from './content-hash.js';
import type { SpecRepository } from './contract/store-contract.js';
import { readSpecFolder, readSpecTree } from './import-folder.js';
import type { ImportResult } from './types.js';

/**
 * Imports a folder (or with `recursive`, a tree) of Markdown specs into any store behind the
 * contract — the team database from the CLI (`specs import DIR --database-url URL`). The files
 * are read by the same readers as the local import, one at a time.
 *
 * A shared database keeps no links to anyone's files, so a file is matched to the spec it was
 * imported into before by its import name (the file's name, or its path in the tree): its text
 * unchanged adds nothing, changed it adds one version to that spec, never a duplicate spec.
 * Trashed specs are not matched. `analyze` computes a text's summary off the request path; a
 * file it refuses (a HostError, e.g. TOO_COMPLEX) is listed as skipped and nothing of it is saved.
 */
export async function importFolderInto(
  specs: SpecRepository,
  dir: string,
  options: { author?: string; analyze?: Analyzer; recursive?: boolean } = {},
): Promise<ImportResult> {
  const root = resolve(dir);
  const result: ImportResult = { imported: [], updated: [], unchanged: [], skipped: [] };
  const byImportName = new Map<string, SpecListItem>();
  // Most recently edited first, so of two specs imported from one name the newer one is updated.
  for (const state of ['active', 'archived'] as const) {
    for (const spec of await specs.listSpecs({ state, sort: 'lastEdited' })) if (spec.importName && !byImportName.has(spec.importName)) byImportName.set(spec.importName, spec);
  }
  const configFor = lintConfigsByFolder();

  for await (const entry of options.recursive ? readSpecTree(root) : readSpecFolder(root)) {
    if (entry.kind === 'skipped') {
      result.skipped.push({ file: entry.file, code: entry.code, reason: entry.reason });
      continue;
    }
    const importName = entry.exportName ?? entry.file;
    const known = byImportName.get(importName);
    if (known) {
      const head = (await specs.listVersions(known.id))[0];
      if (head && head.contentHash === contentHash(entry.spec.content).hash && head.bom === entry.spec.bom) {
        result.unchanged.push({ file: entry.file, specId: known.id });
        continue;
      }
    }
    const lintConfig = await configFor(entry.spec.path ?? join(root, entry.file));
    let analysis: VersionAnalysis | undefined;
    try {
      analysis = await options.analyze?.(entry.spec.content, lintConfig);
    } catch (error) {
      if (!(error instanceof HostError)) throw error;
      result.skipped.push({ file: entry.file, code: error.code, reason: error.message });
      continue;
    }
    if (known) {
      const saved = await specs.saveVersion(
        { specId: known.id, markdown: entry.spec.content, bom: entry.spec.bom, author: options.author, message: `Imported from ${entry.file}`, lintConfig },
        { analysis },
      );
      if (saved.created) result.updated.push({ file: entry.file, specId: known.id, version: saved.version.number });
      else result.unchanged.push({ file: entry.file, specId: known.id });
      continue;
    }
    const created = await specs.createSpec(
      { source: { kind: 'markdown', markdown: entry.spec.content, bom: entry.spec.bom, fileName: importName }, author: options.author, lintConfig },
      { analysis },
    );
    byImportName.set(importName, created.spec);
    result.imported.push({ file: entry.file, specId: created.spec.id, title: created.spec.title });
  }
  return result;
}
