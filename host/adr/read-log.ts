import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAdr, type AdrRecord } from '../../core/adr/index.js';
import { HostError } from '../common/host-error.js';
import { fsError } from '../common/fs-error.js';
import { readRegularFile } from '../files/read-limited.js';

/** Files in an ADR folder that are not records: the index, the template, tooling notes. */
const NOT_RECORDS = /^(readme|index|template|adr-template|\.?log4brains.*)\.md$/i;
export const MAX_RECORD_BYTES = 1024 * 1024;
export const MAX_RECORDS = 20_000;

/** Every Markdown record in `dir` (not sub-folders), parsed, by file name; oversized files are reported, not read. */
export async function readAdrDir(dir: string): Promise<{ records: AdrRecord[]; skipped: Array<{ fileName: string; reason: string }> }> {
  const names = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    throw fsError(error, `ADR folder ${dir}`, 'READ_FAILED');
  });
  const files = names.filter((d) => d.isFile() && /\.md$/i.test(d.name) && !NOT_RECORDS.test(d.name)).map((d) => d.name).sort();
  if (files.length > MAX_RECORDS) throw new HostError('TOO_MANY_FILES', `${dir} holds ${files.length} Markdown files; at most ${MAX_RECORDS} are read`);
  const records: AdrRecord[] = [];
  const skipped: Array<{ fileName: string; reason: string }> = [];
  for (const fileName of files) {
    const read = await readRegularFile(join(dir, fileName), MAX_RECORD_BYTES, fileName);
    if (!read.ok) {
      skipped.push({ fileName, reason: `larger than ${MAX_RECORD_BYTES} bytes; not read` });
      continue;
    }
    const text = new TextDecoder('utf-8', { fatal: false }).decode(read.bytes);
    records.push(parseAdr(fileName, text));
  }
  return { records, skipped };
}
