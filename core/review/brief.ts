import type { SpecDocument, SpecItem, SpecSection } from '../spec/model.js';
import { findSection } from './anchor.js';

/** What a brief hands over: one endpoint, or one functional requirement. */
export type BriefTarget = { kind: 'endpoint'; method: string; path: string } | { kind: 'item'; id: string };

export interface AgentBrief {
  target: BriefTarget;
  title: string;
  /** The hand-off text, Markdown, ready to paste into a coding agent. */
  text: string;
  /** Ids of the requirements and criteria it carries, for the UI to list. */
  items: string[];
  /** Scenarios of the edge-case rows it carries. */
  edgeCases: string[];
}

export interface BriefOptions {
  /** The project's conventions file the agent must follow. */
  conventionsFile?: string;
  /** Instructions for the agent; `{{target}}` and `{{conventions}}` are filled in. */
  instructions?: string;
}

export const DEFAULT_CONVENTIONS_FILE = 'CLAUDE.md';

const DEFAULT_INSTRUCTIONS = [
  'Implement {{target}} and nothing else, as the requirements below describe.',
  'Deliver the database migration for any new table, the route handler, the service and repository functions, request validation, and unit tests that prove each acceptance criterion listed here.',
  'Where this brief is silent, stop and ask instead of guessing.',
  'Follow the project conventions in {{conventions}}.',
].join('\n');

const MAX_TARGET_PATH = 500;
const FR_ID = /^FR-\d+$/;
const ENDPOINT = /\b(GET|POST|PUT|PATCH|DELETE)\s+(\/[\w\-./{}:]*[\w}])/g;

/** Endpoints the spec names, in order of first mention, and its functional requirements. */
export function listBriefTargets(doc: SpecDocument): BriefTarget[] {
  const seen = new Set<string>();
  const targets: BriefTarget[] = [];
  for (const m of doc.source.matchAll(ENDPOINT)) {
    const key = `${m[1]} ${m[2]}`;
    // The contract caps a target's path at 500 characters; a longer one is not an endpoint anyone wrote.
    if (seen.has(key) || m[2].length > MAX_TARGET_PATH) continue;
    seen.add(key);
    targets.push({ kind: 'endpoint', method: m[1], path: m[2] });
  }
  const functional = findSection(doc, 'functional')?.section;
  // Only FR ids are brief targets (the contract's rule): an AC or NFR written under the heading is not one.
  for (const item of functional?.items ?? []) {
    if (!FR_ID.test(item.id) || seen.has(item.id)) continue;
    seen.add(item.id);
    targets.push({ kind: 'item', id: item.id });
  }
  return targets;
}

function pathsIn(text: string): string[] {
  return [...text.matchAll(ENDPOINT)].map((m) => m[2]);
}

function mentionsPath(text: string, path: string): boolean {
  for (let at = text.indexOf(path); at !== -1; at = text.indexOf(path, at + 1)) {
    const next = text[at + path.length];
    if (next === undefined || !/[\w/-]/.test(next)) return true;
  }
  return false;
}

/**
 * The brief for one endpoint or requirement (FR-7), built without a model: the context and
 * problem as written, the requirements and acceptance criteria that name the endpoint, the
 * ones that name no endpoint at all (they apply everywhere), the edge-case rows whose
 * answers those requirements mention, and the instructions with the conventions file.
 */
export function buildAgentBrief(doc: SpecDocument, target: BriefTarget, options: BriefOptions = {}): AgentBrief {
  const conventions = options.conventionsFile ?? DEFAULT_CONVENTIONS_FILE;
  const section = (key: string): SpecSection | undefined => findSection(doc, key)?.section;
  const functional = section('functional')?.items ?? [];

  let label: string;
  let paths: string[];
  let pinned: SpecItem | undefined;
  if (target.kind === 'endpoint') {
    label = `${target.method} ${target.path}`;
    paths = [target.path];
  } else {
    pinned = functional.find((i) => i.id === target.id);
    if (!pinned) throw new Error(`${target.id} is not a functional requirement of this spec`);
    paths = pathsIn(pinned.text);
    label = pinned.id;
  }

  const relevant = (item: SpecItem): boolean => {
    if (item === pinned || (pinned && new RegExp(`\\b${pinned.id}\\b`).test(item.text))) return true;
    const named = pathsIn(item.text);
    return named.length === 0 || paths.some((p) => mentionsPath(item.text, p));
  };
  const frs = functional.filter(relevant);
  const nfrs = (section('nonFunctional')?.items ?? []).filter(relevant);
  const acs = (section('acceptance')?.items ?? []).filter(relevant);
  const carried = [...frs, ...nfrs, ...acs].map((i) => i.text).join('\n');

  const edge = section('edgeCases');
  const rows = (edge?.rows ?? []).filter((row) => {
    const text = Object.values(row.cells).join(' ');
    if (paths.some((p) => mentionsPath(text, p))) return true;
    if (pathsIn(text).length > 0) return false;
    const codes = row.body.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g) ?? [];
    if (codes.length > 0) return codes.some((c) => carried.includes(c));
    const squeezed = row.body.replace(/[\s`]/g, '');
    return squeezed.length > 8 && carried.replace(/[\s`]/g, '').includes(squeezed);
  });

  const title = `Agent brief: ${label}`;
  const out: string[] = [`# ${title}`, '', `From the spec "${doc.meta.title}".`, ''];
  out.push('## Task', '', (options.instructions?.trim() || DEFAULT_INSTRUCTIONS).replaceAll('{{target}}', label).replaceAll('{{conventions}}', conventions), '');
  for (const [key, heading] of [
    ['context', 'Context'],
    ['problem', 'Problem Statement'],
  ] as const) {
    const body = section(key)?.body.trim();
    if (body) out.push(`## ${heading}`, '', body, '');
  }
  const list = (heading: string, items: SpecItem[]) => {
    if (items.length === 0) return;
    out.push(`## ${heading}`, '');
    for (const i of items) out.push(`- **${i.id}${i.label ? ` (${i.label})` : ''}:** ${i.text.replace(/\s*\n\s*/g, ' ')}`);
    out.push('');
  };
  list('Functional Requirements', frs);
  list('Non-Functional Requirements', nfrs);
  if (edge && rows.length > 0) {
    const header = edge.body.split('\n').filter((l) => l.trim().startsWith('|')).slice(0, 2).map((l) => l.trimEnd());
    out.push('## Edge Cases and Error Handling', '', ...header, ...rows.map((r) => edge.body.slice(r.start, r.end).trimEnd()), '');
  }
  list('Acceptance Criteria', acs);
  out.push('## Conventions', '', `Follow the project conventions in ${conventions}.`, '');

  return {
    target,
    title,
    text: out.join('\n'),
    items: [...frs, ...nfrs, ...acs].map((i) => i.id),
    edgeCases: rows.map((r) => r.scenario),
  };
}
