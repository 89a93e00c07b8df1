import { linkTargetName, numberFromFileName, numberedFileName } from './file-name.js';
import { inverseLink, type AdrFormat, type AdrLink, type AdrRecord } from './model.js';
import { linkLabel } from './render.js';
import { withLink } from './serialize.js';

/** A problem with a whole log, reported against one file. */
export interface LogProblem {
  fileName: string;
  message: string;
}

function fileOf(target: string): string {
  return target.split(/[\\/#?]/).filter(Boolean).pop() ?? target;
}

/** The record a link points at: by file name, else by the number its file name carries. */
export function resolveLink(records: AdrRecord[], link: AdrLink): AdrRecord | undefined {
  const file = fileOf(link.target);
  const byName = records.find((r) => r.fileName === file);
  if (byName) return byName;
  const n = numberFromFileName(file);
  const same = n === null ? [] : records.filter((r) => r.number === n);
  return same.length === 1 ? same[0] : undefined;
}

/** Links to records not in the log ("link to 0007 not found") and numbers used twice. */
export function checkLog(records: AdrRecord[]): LogProblem[] {
  const problems: LogProblem[] = [];
  for (const r of records) {
    for (const l of r.links) {
      if (!resolveLink(records, l)) problems.push({ fileName: r.fileName, message: `link to ${linkTargetName(l.target)} not found (kept as written)` });
    }
  }
  // A supersede link must be answered by the other record; amend links are often one-way in MADR logs.
  for (const r of records) {
    for (const l of r.links) {
      if (l.kind !== 'supersedes' && l.kind !== 'superseded-by') continue;
      const target = resolveLink(records, l);
      if (!target) continue;
      const back = inverseLink(l.kind);
      if (!target.links.some((x) => x.kind === back && resolveLink(records, x) === r)) {
        problems.push({ fileName: r.fileName, message: `${l.kind} ${target.fileName}, but ${target.fileName} has no ${back} link back` });
      }
    }
  }
  const byNumber = new Map<number, AdrRecord[]>();
  for (const r of records) if (r.number !== null) byNumber.set(r.number, [...(byNumber.get(r.number) ?? []), r]);
  for (const [n, same] of byNumber) {
    if (same.length > 1) for (const r of same) problems.push({ fileName: r.fileName, message: `number ${n} is used by ${same.length} records (${same.map((s) => s.fileName).join(', ')}); both kept` });
  }
  return problems;
}

function linkTo(format: AdrFormat, kind: AdrLink['kind'], target: AdrRecord): AdrLink {
  return { kind, target: target.fileName, label: linkLabel(format, target) };
}

/**
 * Makes every supersede/amend link two-way: a `supersedes` on B gives its target A a
 * `superseded-by` B and the status superseded, and the reverse. Returns edited copies and what
 * was added; links to missing records are left alone (checkLog reports them).
 */
export function linkBothWays(records: AdrRecord[]): { records: AdrRecord[]; added: LogProblem[] } {
  const out = records.map((r) => ({ ...r, links: [...r.links] }));
  const added: LogProblem[] = [];
  for (const r of out) {
    for (const l of [...r.links]) {
      const target = resolveLink(out, l);
      if (!target) continue;
      const kind = inverseLink(l.kind);
      const has = target.links.some((x) => x.kind === kind && resolveLink(out, x) === r);
      if (!has) {
        target.links = withLink(target.links, linkTo(target.format, kind, r));
        added.push({ fileName: target.fileName, message: `added "${kind}" link to ${r.fileName}` });
      }
      if (kind === 'superseded-by' && target.status !== 'superseded') {
        target.status = 'superseded';
        added.push({ fileName: target.fileName, message: 'status set to superseded' });
      }
    }
  }
  return { records: out, added };
}

/**
 * Answers the links of one record (`fileName`) on the records they point at — the reverse link,
 * and superseded status for a superseded-by — leaving every other link of the log as it is.
 */
export function answerLinksOf(records: AdrRecord[], fileName: string): AdrRecord[] {
  const source = records.find((r) => r.fileName === fileName);
  if (!source) return records;
  const out = records.map((r) => ({ ...r, links: [...r.links] }));
  const from = out.find((r) => r.fileName === fileName)!;
  for (const l of source.links) {
    const target = resolveLink(out, l);
    if (!target || target === from) continue;
    const kind = inverseLink(l.kind);
    if (!target.links.some((x) => x.kind === kind && resolveLink(out, x) === from)) target.links = withLink(target.links, linkTo(target.format, kind, from));
    if (kind === 'superseded-by') target.status = 'superseded';
  }
  return out;
}

/** Marks `older` superseded by `newer`, with links both ways. */
export function supersede(records: AdrRecord[], newerFile: string, olderFile: string): AdrRecord[] {
  const newer = records.find((r) => r.fileName === newerFile);
  const older = records.find((r) => r.fileName === olderFile);
  if (!newer || !older) throw new Error(`supersede: ${!newer ? newerFile : olderFile} is not in the log`);
  return linkBothWays(
    records.map((r) => (r === newer ? { ...r, links: withLink(r.links, linkTo(r.format, 'supersedes', older)) } : r)),
  ).records;
}

/** The next free number after the highest in the log. */
export function nextNumber(records: Array<{ number: number | null }>): number {
  return records.reduce((max, r) => Math.max(max, r.number ?? 0), 0) + 1;
}

/**
 * Gives records a second use of a number new numbers after the highest, renaming their files and
 * every link to them (`--renumber`). The first record with a number keeps it.
 */
export function renumberDuplicates(records: AdrRecord[]): { records: AdrRecord[]; renamed: Array<{ from: string; to: string }> } {
  const seen = new Set<number>();
  let next = nextNumber(records);
  const renamed: Array<{ from: string; to: string }> = [];
  const out = records.map((r) => {
    if (r.number === null) return r;
    if (!seen.has(r.number)) {
      seen.add(r.number);
      return r;
    }
    const number = next++;
    const fileName = numberedFileName(number, r.title);
    renamed.push({ from: r.fileName, to: fileName });
    return { ...r, number, fileName };
  });
  const rename = new Map(renamed.map((x) => [x.from, x.to]));
  return {
    renamed,
    records: out.map((r) => ({ ...r, links: r.links.map((l) => (rename.has(fileOf(l.target)) ? { ...l, target: rename.get(fileOf(l.target))! } : l)) })),
  };
}
