import type { SectionConflict } from './types.js';

/**
 * "Take both" for a conflicting section: theirs, then mine without its heading line when both
 * sides open with the same heading (one section holding both texts, for the author to edit), or
 * whichever exists when one side removed it.
 */
export function takeBoth(conflict: Pick<SectionConflict, 'theirs' | 'mine'>): string | null {
  const { theirs, mine } = conflict;
  if (theirs === null || mine === null) return theirs ?? mine;
  const eol = /\r\n/.test(theirs) ? '\r\n' : '\n';
  const first = theirs.endsWith('\n') ? theirs : `${theirs}${eol}`;
  const headingEnd = mine.indexOf('\n') + 1;
  const sameHeading = headingEnd > 0 && theirs.startsWith(mine.slice(0, headingEnd)) && /^#{1,6}\s/.test(mine);
  return first + (sameHeading ? mine.slice(headingEnd) : mine);
}
