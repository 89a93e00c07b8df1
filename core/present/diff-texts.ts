/** The whole-document choice in the diff view's section list. */
export const WHOLE_DOCUMENT = '__document__';

interface DiffSectionTexts {
  key: string;
  before: string | null;
  after: string | null;
}

/**
 * The two texts a diff editor shows for a choice: both whole documents, or one section's text
 * before and after (empty on the side where the section does not exist).
 */
export function diffTexts(
  whole: { before: string; after: string },
  sections: readonly DiffSectionTexts[],
  selected: string,
): { original: string; modified: string } {
  if (selected === WHOLE_DOCUMENT) return { original: whole.before, modified: whole.after };
  const section = sections.find((s) => s.key === selected);
  return { original: section?.before ?? '', modified: section?.after ?? '' };
}
