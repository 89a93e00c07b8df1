import { matchSection } from '../../markdown/heading-match.js';
import { KIRO_REQUIREMENT, OPENSPEC_REQUIREMENT, SCENARIO } from '../../markdown/item-shapes.js';
import type { SpecDocument, SpecItem } from '../../spec/model.js';
import { canonicalKind } from '../../spec/summary.js';

/** One requirement or criterion as every format can hold it. */
export interface CanonicalItem {
  id: string;
  /** A native id (FR-1, AC-3, SC-001) survives any format; a derived one (R3.2) is the source format's. */
  native: boolean;
  label?: string;
  /** OpenSpec requirement and scenario names, kept so an OpenSpec target can name them again. */
  name?: string;
  text: string;
  group?: string;
  nfr: boolean;
}

export interface CanonicalRequirement extends CanonicalItem {
  criteria: CanonicalItem[];
}

/** A spec reduced to what conversion maps: prose sections, requirements with their criteria, the rest. */
export interface CanonicalSpec {
  title: string;
  /** Sections without items (Context, Introduction, Purpose…), heading and body as written. */
  prose: Array<{ heading: string; body: string }>;
  requirements: CanonicalRequirement[];
  /** Criteria that belong to no requirement (six-part ACs, spec-kit scenarios). */
  criteria: CanonicalItem[];
  successCriteria: CanonicalItem[];
  /** The edge-case table section's body, when the spec has one. */
  edgeCases?: { heading: string; body: string };
  /** Text a converter drops, in words (prose around items, groups). */
  dropped: string[];
}

const FR_REF = /(?<![\p{L}\p{N}_-])((?:N?FR)-\d+)(?![\p{N}])/gu;

function toCanonical(item: SpecItem): CanonicalItem {
  const group = item.group;
  // A requirement is named by its own heading; a criterion only by a scenario heading.
  const name = !group
    ? undefined
    : canonicalKind(item) === 'requirement'
      ? (OPENSPEC_REQUIREMENT.exec(group)?.[1] ?? (KIRO_REQUIREMENT.exec(group)?.[2] || undefined))
      : SCENARIO.exec(group)?.[1];
  return {
    id: item.id,
    native: !item.derived,
    ...(item.label ? { label: item.label } : {}),
    ...(name ? { name } : {}),
    text: item.text,
    ...(group ? { group } : {}),
    nfr: item.kind === 'nfr',
  };
}

/**
 * Maps a parsed spec onto requirements and criteria by kind, whatever its format: criteria
 * nested under a requirement stay with it; a criterion that names one requirement id is put
 * under it; the rest stay loose.
 */
export function canonicalSpec(doc: SpecDocument): CanonicalSpec {
  const spec: CanonicalSpec = { title: doc.meta.title, prose: [], requirements: [], criteria: [], successCriteria: [], dropped: [] };
  const byId = new Map<string, CanonicalRequirement>();
  const pending: Array<{ item: SpecItem; c: CanonicalItem }> = [];
  for (const section of doc.sections) {
    const heading = section.heading ?? 'Untitled section';
    // An edge-case table kept as an extra section by an earlier conversion is still the edge-case table.
    if (section.key === 'edgeCases' || (section.key === null && matchSection('agent-ready', heading) === 'edgeCases')) {
      spec.edgeCases = { heading, body: section.body };
      continue;
    }
    if (section.items.length === 0) {
      if (section.body.replace(/<!--[\s\S]*?-->/g, '').trim()) spec.prose.push({ heading, body: section.body });
      continue;
    }
    const leftover = proseAround(section.body, section.items);
    if (leftover > 0) spec.dropped.push(`"${heading}": ${leftover} characters of text around its items (user-story narrative, notes, entity lists)`);
    for (const item of section.items) {
      const kind = canonicalKind(item);
      const c = toCanonical(item);
      if (kind === 'requirement') {
        const r: CanonicalRequirement = { ...c, criteria: [] };
        spec.requirements.push(r);
        byId.set(item.id, r);
      } else if (kind === 'success-criterion') {
        spec.successCriteria.push(c);
      } else {
        pending.push({ item, c });
      }
    }
  }
  for (const { item, c } of pending) {
    const parent = (item.parent && byId.get(item.parent)) || citedRequirement(item.text, byId);
    if (parent) parent.criteria.push(c);
    else spec.criteria.push(c);
  }
  return spec;
}

/** The one requirement a criterion names, if it names exactly one. */
function citedRequirement(text: string, byId: Map<string, CanonicalRequirement>): CanonicalRequirement | undefined {
  const named = new Set([...text.matchAll(FR_REF)].map((m) => m[1]).filter((id) => byId.has(id)));
  return named.size === 1 ? byId.get([...named][0]) : undefined;
}

/** Letters left in a section once its items, headings and list markup are taken out. */
function proseAround(body: string, items: readonly SpecItem[]): number {
  let rest = '';
  let at = 0;
  for (const item of [...items].sort((a, b) => a.start - b.start)) {
    // From the start of the item's line: its id, label and list marker are not prose.
    const lineStart = body.lastIndexOf('\n', item.start - 1) + 1;
    if (item.end <= at) continue;
    rest += body.slice(at, Math.max(at, lineStart));
    at = item.end;
  }
  rest += body.slice(at);
  const words = rest
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n')
    .filter((line) => !/^\s*#{1,6}\s/.test(line))
    .join(' ')
    .replace(/\*\*(?:User Story|Acceptance Scenarios|Acceptance Criteria)\*\*:?|\b(?:FR|NFR|AC|SC)-\d+\b|[-*_#:|>.()\d\s[\]`]+/gi, '');
  return words.length;
}
