import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAdr, type AdrRecord } from '../../core/adr/index.js';
import { HostError } from '../common/host-error.js';
import { fsError } from '../common/fs-error.js';

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
  // Only regular files (the directory listing does not follow links to FIFOs or devices), each
  // read whole in one call: a log of 500 small records must import in well under a second.
  const texts = await Promise.all(
    files.map(async (fileName) => {
      const path = join(dir, fileName);
      const info = await stat(path);
      if (!info.isFile()) return { fileName, error: 'not a regular file; not read' };
      if (info.size > MAX_RECORD_BYTES) return { fileName, error: `larger than ${MAX_RECORD_BYTES} bytes; not read` };
      return { fileName, text: await readFile(path, 'utf8') };
    }),
  );
  for (const t of texts) {
    if ('error' in t) skipped.push({ fileName: t.fileName, reason: t.error ?? '' });
    else records.push(parseAdr(t.fileName, t.text));
  }
  return { records, skipped };
}
