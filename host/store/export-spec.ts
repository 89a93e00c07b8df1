import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportResult, SpecListItem } from '../../core/contract/ops/specs.js';
import type { VersionDetail } from '../../core/contract/ops/versions.js';
import { writeSpecFile } from '../files/spec-file.js';
import { sanitizeFileName } from '../../core/spec/file-names.js';
import type { SpecRepository } from './contract/store-contract.js';
import { getVersion } from './history.js';
import { specItem } from './library.js';
import type { StoreSession } from './session.js';

/** A version's Markdown exactly as saved, with a safe file name: what an export writes, whichever store it came from. */
export function exportOf(spec: SpecListItem, detail: VersionDetail): Omit<ExportResult, 'path'> {
  const fileName = sanitizeFileName(spec.importName ?? spec.title, `spec-${spec.id}`);
  const bytes = Buffer.byteLength(detail.markdown, 'utf8') + (detail.bom ? 3 : 0);
  return { fileName, content: detail.markdown, bom: detail.bom, bytes, version: detail.number };
}

/** The Markdown of a spec's newest (or given) version, exactly as saved, with a safe file name. */
export function exportContent(s: StoreSession, id: number, version?: number): Omit<ExportResult, 'path'> {
  const spec = specItem(s, id);
  return exportOf(spec, getVersion(s, id, version ?? spec.headVersion));
}

/** `exportContent` through the store contract (the team database); written to `path` when given. */
export async function exportFromRepository(specs: SpecRepository, id: number, options: { version?: number; path?: string } = {}): Promise<ExportResult> {
  const { spec } = await specs.getSpec(id);
  const content = exportOf(spec, await specs.getVersion(id, options.version ?? spec.headVersion));
  return options.path ? writeExport(content, options.path) : { ...content, path: null };
}

/**
 * Writes an export to `path`: into it under the sanitised name when it is a folder, else as
 * that file (atomically, via a temporary file). Returns where it went.
 */
export async function writeExport(content: Omit<ExportResult, 'path'>, path: string): Promise<ExportResult> {
  const isFolder = await stat(path).then((info) => info.isDirectory(), () => false);
  const target = isFolder ? join(path, content.fileName) : path;
  const written = await writeSpecFile(target, content.content, content.bom);
  return { ...content, path: written.path, bytes: written.bytes };
}
