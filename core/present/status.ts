/**
 * One status vocabulary for the title bar, the Library and the CLI: whatever the front matter
 * spells ("In-Review", "APPROVED", none at all), every surface shows the same words.
 */

/** A spec without a status is a draft: that is what every new spec starts as. */
export const DEFAULT_STATUS = 'draft';

/** "In-Review" → "in review", "APPROVED" → "approved", null or blank → "draft". */
export function statusLabel(status: string | null | undefined): string {
  const words = (status ?? '')
    .trim()
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ')
    .trim();
  return words || DEFAULT_STATUS;
}

/** The CSS class suffix for a status badge: the label with dashes, so "in review" → "in-review". */
export function statusKey(status: string | null | undefined): string {
  return statusLabel(status).replace(/[^a-z0-9]+/g, '-');
}
