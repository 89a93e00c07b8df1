import type { SpecSort, SpecState } from '../contract/ops/specs.js';

/**
 * What the Library and History panels say, computed without React or the DOM so each wording
 * and each rule (sort direction, status list, compare selection) has a unit test.
 */

/** "1 spec", "3 specs". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The readiness badge's colour band. */
export function readinessTone(score: number): 'good' | 'fair' | 'poor' {
  return score >= 85 ? 'good' : score >= 60 ? 'fair' : 'poor';
}

export const SPEC_STATES: { id: SpecState; label: string }[] = [
  { id: 'active', label: 'Active' },
  { id: 'archived', label: 'Archived' },
  { id: 'trashed', label: 'Trash' },
];

export const SPEC_SORTS: { id: SpecSort; label: string; defaultDirection: 'asc' | 'desc' }[] = [
  { id: 'lastEdited', label: 'Last edited', defaultDirection: 'desc' },
  { id: 'title', label: 'Title', defaultDirection: 'asc' },
  { id: 'readiness', label: 'Readiness', defaultDirection: 'desc' },
  { id: 'created', label: 'Created', defaultDirection: 'desc' },
  { id: 'status', label: 'Status', defaultDirection: 'asc' },
];

/** The statuses offered before any spec has shown another. */
export const COMMON_STATUSES = ['draft', 'in-review', 'approved'];

/** Each sort has its natural direction (newest first, A→Z); `reversed` flips it. */
export function sortDirection(sort: SpecSort, reversed: boolean): 'asc' | 'desc' {
  const natural = SPEC_SORTS.find((s) => s.id === sort)?.defaultDirection ?? 'asc';
  return reversed ? (natural === 'asc' ? 'desc' : 'asc') : natural;
}

/** The status filter's options: the known ones plus any a listing showed, sorted; the same array when nothing is new. */
export function mergeStatuses(known: string[], seen: readonly (string | null)[]): string[] {
  const fresh = seen.filter((s): s is string => !!s);
  return fresh.every((s) => known.includes(s)) ? known : [...new Set([...known, ...fresh])].sort();
}

/** The line above search results. */
export function searchCountText(hits: number): string {
  return hits === 0 ? 'No spec matches.' : `${plural(hits, 'spec matches', 'specs match')}, best first.`;
}

/** What an empty listing says: filters hide everything, or this state has nothing yet. */
export function emptyLibraryText(state: SpecState, filtered: boolean): string {
  if (filtered) return 'No spec matches these filters.';
  if (state === 'active') return 'No specs yet. Save the open document, create one from a template, or import a folder.';
  return state === 'archived' ? 'Nothing archived.' : 'The trash is empty.';
}

/** The question asked before emptying the trash: how many, and the first few titles. */
export function emptyTrashQuestion(titles: string[]): string {
  const names = titles.slice(0, 5).map((t) => `• ${t}`).join('\n');
  const more = titles.length > 5 ? `\n…and ${titles.length - 5} more` : '';
  return `Delete ${plural(titles.length, 'spec', 'specs')} in the trash for good, with every version and draft?\n\n${names}${more}`;
}

/** The History toolbar: how many versions, and the hint to compare when there are two or more. */
export function historySummary(count: number | null): string {
  if (count === null) return 'Loading…';
  return `${plural(count, 'version', 'versions')}${count > 1 ? ' · tick two to compare' : ''}`;
}

/** Ticking a version for comparison: a second tick unticks it, and only the last two ticked stay. */
export function toggleCompared(selected: readonly number[], n: number): number[] {
  return selected.includes(n) ? selected.filter((x) => x !== n) : [...selected, n].slice(-2);
}
