import { resolve } from 'node:path';
import { checkLog, type AdrRecord } from '../../core/adr/index.js';
import type { DecisionStore } from '../store/decisions.js';
import { readAdrDir } from './read-log.js';

export interface ImportedFile {
  fileName: string;
  action: 'added' | 'updated' | 'unchanged' | 'skipped';
  number: number | null;
  title: string;
  status: string;
  date: string | null;
  links: string[];
  /** What could not be mapped, per file ("link to 0007 not found", "no status found"…). */
  problems: string[];
}

export interface ImportReport {
  log: string;
  dir: string;
  files: ImportedFile[];
  added: number;
  updated: number;
  unchanged: number;
}

/** The format most records of a log use, so new records are written the way the team already writes them. */
export function dominantFormat(records: AdrRecord[]): AdrRecord['format'] {
  const counts = new Map<AdrRecord['format'], number>();
  for (const r of records) if (r.format !== 'plain') counts.set(r.format, (counts.get(r.format) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'madr';
}

/**
 * Imports an ADR folder into a log: numbers, links and exact texts are kept; a record already
 * imported with the same text is left alone (re-importing changes nothing), a changed one gets a
 * new revision. Duplicate numbers are kept and reported; links to missing records are reported.
 */
export async function importAdrLog(store: DecisionStore, dir: string, options: { logName?: string; actor?: string } = {}): Promise<ImportReport> {
  const folder = resolve(dir);
  const { records, skipped } = await readAdrDir(folder);
  const logName = options.logName ?? 'main';
  const problems = checkLog(records);
  const report: ImportReport = { log: logName, dir: folder, files: [], added: 0, updated: 0, unchanged: 0 };
  store.transaction(() => {
    const log = store.ensureLog(logName, dominantFormat(records), folder);
    if (log.dir !== folder) store.setLogDir(log.id, folder);
    for (const r of records) {
      const existing = store.adrByFile(log.id, r.fileName);
      const fields = { number: r.number, fileName: r.fileName, title: r.title, status: r.status, date: r.date, text: r.source?.text ?? '' };
      let action: ImportedFile['action'];
      if (!existing) {
        store.insertAdr({ logId: log.id, ...fields, actor: options.actor });
        action = 'added';
      } else if (existing.text === fields.text) {
        action = 'unchanged';
      } else {
        store.updateAdr(existing.id, fields, options.actor);
        action = 'updated';
      }
      report[action]++;
      report.files.push({
        fileName: r.fileName,
        action,
        number: r.number,
        title: r.title,
        status: r.status,
        date: r.date,
        links: r.links.map((l) => `${l.kind} ${l.target}`),
        problems: [...r.unmapped, ...problems.filter((p) => p.fileName === r.fileName).map((p) => p.message)],
      });
    }
  });
  for (const s of skipped) report.files.push({ fileName: s.fileName, action: 'skipped', number: null, title: '', status: '', date: null, links: [], problems: [s.reason] });
  return report;
}
