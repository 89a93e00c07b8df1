/** Explicit references to other items ("covers FR-3", "the token from AC-1"). */
export function idRefsIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\b(FR|NFR|AC)-(\d+)\b/g)].map((m) => `${m[1]}-${m[2]}`))];
}
