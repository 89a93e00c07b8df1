/** One action the command palette offers. */
export interface CommandEntry {
  id: string;
  title: string;
  /** What the user would type to find it besides the title ("server", "lint"…). */
  keywords?: string;
  /** The shortcut shown beside it, e.g. "Ctrl+S". */
  shortcut?: string;
}

/**
 * Commands matching `query`, best first: every query word must appear in the title or keywords
 * (case-insensitive); titles starting with the query, then titles containing it, rank above
 * keyword-only matches. Ties keep the given order, so the palette's order is stable.
 */
export function filterCommands<T extends CommandEntry>(commands: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...commands];
  const words = q.split(/\s+/);
  const scored: { command: T; score: number; index: number }[] = [];
  commands.forEach((command, index) => {
    const title = command.title.toLowerCase();
    const haystack = `${title} ${(command.keywords ?? '').toLowerCase()} ${command.id.toLowerCase()}`;
    if (!words.every((w) => haystack.includes(w))) return;
    const score = title.startsWith(q) ? 0 : title.includes(q) ? 1 : words.every((w) => title.includes(w)) ? 2 : 3;
    scored.push({ command, score, index });
  });
  return scored.sort((a, b) => a.score - b.score || a.index - b.index).map((s) => s.command);
}
