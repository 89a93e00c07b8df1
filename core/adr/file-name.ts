/** Reading and making ADR file names: `0003-use-postgres.md` (MADR, adr-tools), `20240105-use-postgres.md` (log4brains), `UsePostgres.md`. */

const NUMBERED = /^(\d{1,5})-([^/]+)\.md$/i;
const DATED = /^(\d{8})-([^/]+)\.md$/i;

/** The record number a file name carries, or null (log4brains dates and CamelCase names carry none). */
export function numberFromFileName(fileName: string): number | null {
  if (DATED.test(fileName)) return null;
  const m = NUMBERED.exec(fileName);
  return m ? Number(m[1]) : null;
}

/** `20240105-x.md` → `2024-01-05`. */
export function dateFromFileName(fileName: string): string | null {
  const m = DATED.exec(fileName);
  return m ? `${m[1].slice(0, 4)}-${m[1].slice(4, 6)}-${m[1].slice(6, 8)}` : null;
}

export function isLog4brainsName(fileName: string): boolean {
  return DATED.test(fileName);
}

/** Lower-case words joined by hyphens, at most 60 characters; `record` when nothing is left. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'record';
}

export function padNumber(n: number): string {
  return String(n).padStart(4, '0');
}

/** `0003-use-postgres.md`. */
export function numberedFileName(n: number, title: string): string {
  return `${padNumber(n)}-${slugify(title)}.md`;
}

/** `UsePostgres.md` → `Use Postgres`. */
export function titleFromCamelCase(fileName: string): string {
  return fileName
    .replace(/\.md$/i, '')
    .replace(/[-_]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim();
}

/** How a link target is named in reports: `0007` for a numbered file, else the file name. */
export function linkTargetName(target: string): string {
  const file = target.split(/[\\/]/).pop() ?? target;
  const n = numberFromFileName(file);
  return n === null ? file : padNumber(n);
}
