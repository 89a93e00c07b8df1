import type { ChangeSummary } from './types.js';

/**
 * One line per changed section, naming the requirement ids and edge-case rows that changed,
 * e.g. `Acceptance Criteria: AC-3 modified, AC-11 added`. Shared by the history panel and the CLI.
 */
export function describeChanges(summary: ChangeSummary): string[] {
  const lines: string[] = [];
  const details = new Map<string, string[]>();
  const add = (heading: string, text: string) => details.set(heading, [...(details.get(heading) ?? []), text]);
  for (const item of summary.items) add(item.section, `${item.id} ${item.change}${item.whitespaceOnly ? ' (whitespace only)' : ''}`);
  const edgeHeading = summary.sections.find((s) => s.key === 'edgeCases')?.heading ?? 'Edge cases';
  for (const row of summary.rows) add(edgeHeading, `row "${row.scenario}" ${row.change}`);

  const described = new Set<string>();
  for (const section of summary.sections) {
    described.add(section.heading);
    if (section.change !== 'modified') lines.push(`${section.heading}: section ${section.change}`);
    else lines.push(`${section.heading}: ${(details.get(section.heading) ?? ['text changed']).join(', ')}`);
  }
  // Items can change without their section counting as changed only through a move; keep them visible.
  for (const [heading, parts] of details) if (!described.has(heading)) lines.push(`${heading}: ${parts.join(', ')}`);
  return lines;
}

/** The change lines of a version (none for a first version, whose `changes` is null): what the history views print. */
export function changeLinesOf(version: { changes: ChangeSummary | null }): string[] {
  return version.changes ? describeChanges(version.changes) : [];
}
