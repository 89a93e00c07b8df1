/** How both sides changed one section against the base, when they cannot both be kept. */
export type ConflictKind =
  /** Both edited the section, differently. */
  | 'both-modified'
  /** Both added a section with the same heading, with different text. */
  | 'both-added'
  /** Theirs removed the section; mine edited it. */
  | 'removed-by-theirs'
  /** Mine removed the section; theirs edited it. */
  | 'removed-by-mine';

/** One section both sides changed differently. A null text means the section is absent on that side. */
export interface SectionConflict {
  /** The diff's stable section key (template key, `heading:<text>` or `preamble`). */
  key: string;
  heading: string;
  kind: ConflictKind;
  base: string | null;
  theirs: string | null;
  mine: string | null;
}

/** A section the merge took from one side (for "Merged with … : sections …"). */
export interface MergedSection {
  key: string;
  heading: string;
  change: 'added' | 'removed' | 'modified';
}

export type MergeResult =
  | {
      status: 'clean';
      markdown: string;
      /** Sections whose text came from theirs (the other author's changes now in the result). */
      fromTheirs: MergedSection[];
      /** Sections whose text came from mine. */
      fromMine: MergedSection[];
    }
  | {
      status: 'conflict';
      conflicts: SectionConflict[];
      /** The merge with every conflicting section as theirs has it: a starting point for resolving. */
      markdownWithTheirs: string;
      fromTheirs: MergedSection[];
      fromMine: MergedSection[];
    };
