import { create } from 'zustand';
import type { TeamPerson } from '../../../core/contract/ops/team-live.js';

/**
 * Who has the open spec open, as the team server last said (FR-5). The host owns presence; this
 * caches its last answer or event for the spec on screen. Empty in local mode.
 */
export interface PresenceState {
  specId: number | null;
  /** Everyone listed, this window's own account included (the badge leaves it out). */
  people: TeamPerson[];
  /** People beyond the list (a crowd is trimmed in events). */
  more: number;
  show(specId: number | null, people: TeamPerson[], more?: number): void;
}

export const usePresence = create<PresenceState>()((set) => ({
  specId: null,
  people: [],
  more: 0,
  show: (specId, people, more = 0) => set({ specId, people, more }),
}));

/** The people other than `me` (an account id; null when not known yet). */
export function othersThan(people: TeamPerson[], me: string | null): TeamPerson[] {
  return people.filter((p) => p.accountId !== me);
}

/** "Ada Lovelace" → "AL", "ada" → "A", "  " → "?". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '?';
  const letters = words.length === 1 ? [words[0]![0]] : [words[0]![0], words[words.length - 1]![0]];
  return letters.join('').toUpperCase();
}
