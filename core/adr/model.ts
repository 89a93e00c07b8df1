/** The ADR layouts Specbench reads and writes. `plain` is an unnumbered `CamelCase.md` note. */
export type AdrFormat = 'madr' | 'nygard' | 'log4brains' | 'plain';

/** Where a record keeps its metadata: YAML front matter (MADR 3–4), `* Status:` bullets (MADR 2, log4brains), adr-tools lines, or nothing. */
export type AdrLayout = 'front-matter' | 'bullets' | 'nygard' | 'none';

export const ADR_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;
export type AdrStatus = (typeof ADR_STATUSES)[number];

export type AdrLinkKind = 'supersedes' | 'superseded-by' | 'amends' | 'amended-by';

/** A link between two records of one log, as written: `Superseded by [3. Title](0003-title.md)`. */
export interface AdrLink {
  kind: AdrLinkKind;
  /** The href as written, e.g. `0003-title.md`. */
  target: string;
  /** The link text as written, e.g. `3. Title`. */
  label: string;
}

/** One `## Heading` block; `headingLine` and `body` are exact slices so an untouched record re-joins byte for byte. */
export interface AdrSection {
  heading: string;
  headingLine: string;
  body: string;
}

/** The metadata a record maps to; comparing it decides whether a record was edited. */
export interface AdrMeta {
  number: number | null;
  title: string;
  /** Lower-case status word; one of ADR_STATUSES when it could be mapped. */
  status: string;
  date: string | null;
  decisionMakers: string[];
  consulted: string[];
  informed: string[];
  links: AdrLink[];
}

export interface AdrRecord extends AdrMeta {
  fileName: string;
  format: AdrFormat;
  layout: AdrLayout;
  /** Everything before the first `## ` heading, exactly as read (front matter, title, bullets, `Date:`). */
  preamble: string;
  sections: AdrSection[];
  /** What the parse saw, so serialize can tell an untouched record from an edited one. */
  source: { text: string; meta: AdrMeta } | null;
  /** Per-file notes on what could not be mapped. */
  unmapped: string[];
}

const LINK_WORDS: Record<AdrLinkKind, string> = {
  supersedes: 'Supersedes',
  'superseded-by': 'Superseded by',
  amends: 'Amends',
  'amended-by': 'Amended by',
};

/** `Superseded by`, as adr-tools writes the link kind. */
export function linkWords(kind: AdrLinkKind): string {
  return LINK_WORDS[kind];
}

/** The inverse kind: a `supersedes` link on one record needs a `superseded-by` link on its target. */
export function inverseLink(kind: AdrLinkKind): AdrLinkKind {
  return ({ supersedes: 'superseded-by', 'superseded-by': 'supersedes', amends: 'amended-by', 'amended-by': 'amends' } as const)[kind];
}

/** Maps a status as written (`Accepted`, `superceded by …`, `draft`) to a known status, or null. */
export function normalizeStatus(raw: string): AdrStatus | null {
  const word = raw.trim().toLowerCase().split(/[\s:,]+/)[0] ?? '';
  if ((ADR_STATUSES as readonly string[]).includes(word)) return word as AdrStatus;
  if (word === 'superceded') return 'superseded';
  if (word === 'draft' || word === 'proposal') return 'proposed';
  if (word === 'approved' || word === 'done') return 'accepted';
  if (word === 'deprecated') return 'deprecated';
  return null;
}

export function metaOf(r: AdrMeta): AdrMeta {
  return {
    number: r.number,
    title: r.title,
    status: r.status,
    date: r.date,
    decisionMakers: [...r.decisionMakers],
    consulted: [...r.consulted],
    informed: [...r.informed],
    links: r.links.map((l) => ({ ...l })),
  };
}

export function sameMeta(a: AdrMeta, b: AdrMeta): boolean {
  return JSON.stringify(metaOf(a)) === JSON.stringify(metaOf(b));
}
