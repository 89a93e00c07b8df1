import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  adrCsv,
  adrHtml,
  adrIndex,
  nextNumber,
  numberedFileName,
  parseAdr,
  renumberDuplicates,
  serializeAdr,
  type AdrRecord,
} from '../../core/adr/index.js';
import { HostError } from '../common/host-error.js';
import { writeFileAtomic } from '../files/safe-write.js';
import type { DecisionStore } from '../store/decisions.js';
import { adrPdf } from './pdf-digest.js';
import { readAdrDir } from './read-log.js';

export const EXPORT_FORMATS = ['madr', 'nygard', 'csv', 'html', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportReport {
  dir: string;
  format: ExportFormat;
  written: string[];
  unchanged: string[];
  /** Files that exist with other content and were left alone (use --force). */
  skipped: string[];
  /** Records given a new number in the folder: `0002-x.md → 0005-x.md`. */
  renumbered: string[];
  notes: string[];
}

const INDEX_HEADING = '# Architectural Decision Records';

/** The log's live records, parsed from their stored texts. */
export function logRecords(
  store: DecisionStore,
  logName: string,
): { records: AdrRecord[]; extras: Map<string, { spec: string; requirementIds: string[] }>; ids: Map<string, number> } {
  const log = store.log(logName);
  if (!log) throw new HostError('NOT_FOUND', `there is no ADR log "${logName}" (logs: ${store.logs().map((l) => l.name).join(', ') || 'none'})`);
  const rows = store.adrTexts(log.id);
  const extras = new Map(rows.map((r) => [r.fileName, { spec: r.specId === null ? '' : `spec ${r.specId}${r.specVersion ? ` v${r.specVersion}` : ''}`, requirementIds: r.requirementIds }]));
  return { records: rows.map((r) => parseAdr(r.fileName, r.text)), extras, ids: new Map(rows.map((r) => [r.fileName, r.id])) };
}

/** Renames records and every link to them. */
function rename(records: AdrRecord[], moves: Map<string, { number: number; fileName: string }>): AdrRecord[] {
  return records.map((r) => {
    const move = moves.get(r.fileName);
    return {
      ...r,
      ...(move ?? {}),
      links: r.links.map((l) => {
        const to = moves.get(l.target.split('/').pop() ?? l.target);
        return to ? { ...l, target: to.fileName, label: l.label.replace(/\d+/, (d) => (d.length >= 4 ? String(to.number).padStart(4, '0') : String(to.number))) } : l;
      }),
    };
  });
}

/** `replaceable`: the file on disk is a text we wrote or read before, so updating it loses nothing. */
async function writeIfAllowed(path: string, bytes: Uint8Array, force: boolean, report: ExportReport, name: string, replaceable: (current: string) => boolean = () => false): Promise<void> {
  if (existsSync(path)) {
    const current = await readFile(path);
    if (Buffer.compare(current, Buffer.from(bytes)) === 0) {
      report.unchanged.push(name);
      return;
    }
    if (!force && !replaceable(current.toString('utf8'))) {
      report.skipped.push(name);
      return;
    }
  }
  await writeFileAtomic(path, bytes);
  report.written.push(name);
}

/**
 * Writes a log into a folder. MADR/Nygard: one `NNNN-slug.md` per record plus `README.md`.
 * Into the log's own folder the files are updated in place; into a folder holding another log,
 * numbers continue after its highest. Nothing that differs is overwritten without `force`.
 * CSV, HTML and PDF write one digest file (`adrs.csv`, `adrs.html`, `adrs.pdf`).
 */
export async function exportAdrLog(
  store: DecisionStore,
  options: { logName?: string; outDir: string; format?: ExportFormat; force?: boolean; renumber?: boolean },
): Promise<ExportReport> {
  const dir = resolve(options.outDir);
  const format = options.format ?? 'madr';
  const force = options.force ?? false;
  const logName = options.logName ?? 'main';
  const report: ExportReport = { dir, format, written: [], unchanged: [], skipped: [], renumbered: [], notes: [] };
  const loaded = logRecords(store, logName);
  let records = loaded.records;
  const { extras, ids } = loaded;
  if (options.renumber) {
    const r = renumberDuplicates(records);
    records = r.records;
    for (const m of r.renamed) report.renumbered.push(`${m.from} → ${m.to}`);
  }
  // Links are made two-way when a record is edited (saveAdrText) or created, never on export:
  // an untouched record must leave byte for byte as it came in.

  if (format === 'csv' || format === 'html' || format === 'pdf') {
    const file = `adrs.${format}`;
    const bytes =
      format === 'pdf'
        ? await adrPdf(records)
        : new TextEncoder().encode(format === 'csv' ? adrCsv(records, (r) => extras.get(r.fileName) ?? {}) : adrHtml(records));
    await writeIfAllowed(join(dir, file), bytes, force, report, file);
    return report;
  }

  const log = store.log(logName)!;
  const ownFolder = log.dir !== null && resolve(log.dir) === dir;
  const existing = existsSync(dir) ? (await readAdrDir(dir)).records : [];
  const ours = new Set(records.map((r) => r.fileName));
  const foreign = existing.filter((e) => !ours.has(e.fileName));
  if (!ownFolder && foreign.length && !force) {
    // Another log lives here: our records take numbers after its highest, in our order.
    let next = nextNumber(existing);
    const moves = new Map<string, { number: number; fileName: string }>();
    for (const r of records) {
      const clash = existing.some((e) => e.number !== null && e.number === r.number);
      if (r.number === null || clash) {
        const number = next++;
        const fileName = numberedFileName(number, r.title);
        moves.set(r.fileName, { number, fileName });
        report.renumbered.push(`${r.fileName} → ${fileName}`);
      }
    }
    records = rename(records, moves);
  }
  // In the log's own folder a record is updated in place when the file still holds one of its stored texts.
  const knownTexts = (fileName: string) => {
    const id = ids.get(fileName);
    return id === undefined ? [] : store.getAdr(id).revisions.map((r) => r.text);
  };
  for (const r of records) {
    const replaceable = (current: string) => ownFolder && knownTexts(r.fileName).includes(current);
    await writeIfAllowed(join(dir, r.fileName), new TextEncoder().encode(serializeAdr(r, format)), force, report, r.fileName, replaceable);
  }

  // The index lists every record now in the folder; a README that is not our index is left alone.
  const all = (await readAdrDir(dir)).records;
  const indexPath = join(dir, 'README.md');
  const currentIndex = existsSync(indexPath) ? await readFile(indexPath, 'utf8') : null;
  if (currentIndex === null || currentIndex.startsWith(INDEX_HEADING) || force) {
    await writeIfAllowed(indexPath, new TextEncoder().encode(adrIndex(all)), true, report, 'README.md');
  } else {
    report.notes.push('README.md is not an index Specbench wrote; left as it was (use --force to replace it)');
  }
  return report;
}
