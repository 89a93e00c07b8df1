import { BUILTIN_DOMAINS, type DomainDefinition } from './catalog.js';
import { compileTerm, type CompiledTerm } from './terms.js';

/** How a domain was decided for one spec, for the title bar and the CLI. */
export interface DomainClassification {
  /** Domain ids that apply, in catalogue order. */
  domains: string[];
  /** `front-matter` when the spec names its domains itself (`domains: [...]`). */
  source: 'classifier' | 'front-matter';
  /** Score per domain id, so a surprising tag can be explained. */
  scores: Record<string, number>;
  /** Problems with the front matter override, e.g. an unknown domain name. */
  warnings: string[];
}

/** Each term counts at most this often, so one repeated word cannot decide a domain alone. */
const TERM_CAP = 3;

interface CompiledDomain {
  def: DomainDefinition;
  terms: Array<{ term: CompiledTerm; weight: number }>;
}

const compiledCache = new WeakMap<readonly DomainDefinition[], CompiledDomain[]>();

function compile(defs: readonly DomainDefinition[]): CompiledDomain[] {
  let compiled = compiledCache.get(defs);
  if (!compiled) {
    compiled = defs.map((def) => ({ def, terms: def.terms.map(([t, weight]) => ({ term: compileTerm(t), weight })) }));
    compiledCache.set(defs, compiled);
  }
  return compiled;
}

/** Score of one domain: weighted, capped term counts, and how many different terms hit. */
/** A term of this weight or more can carry a domain; lighter ones only support it. */
export const CORE_WEIGHT = 4;

function score(domain: CompiledDomain, lowerText: string): { score: number; distinct: number; core: boolean } {
  let total = 0;
  let distinct = 0;
  let core = false;
  for (const { term, weight } of domain.terms) {
    const n = term.count(lowerText, TERM_CAP);
    if (n === 0) continue;
    distinct++;
    total += n * weight;
    if (weight >= CORE_WEIGHT) core = true;
  }
  return { score: total, distinct, core };
}

/**
 * Tags a spec with the domains it touches (FR-1). Deterministic: the same text always gets
 * the same domains. A domain applies when its score reaches its threshold from at least two
 * different terms, one of them a core term. A `domains:` list in the front matter replaces the classifier's answer;
 * names it does not know are dropped with a warning listing the known ones.
 */
export function classifyDomains(
  text: string,
  frontMatter: Record<string, unknown> | null = null,
  defs: readonly DomainDefinition[] = BUILTIN_DOMAINS,
): DomainClassification {
  const lower = text.toLowerCase();
  const scores: Record<string, number> = {};
  const detected: string[] = [];
  for (const domain of compile(defs)) {
    const s = score(domain, lower);
    scores[domain.def.id] = s.score;
    if (s.score >= domain.def.threshold && s.distinct >= 2 && s.core) detected.push(domain.def.id);
  }
  const override = frontMatter && Object.prototype.hasOwnProperty.call(frontMatter, 'domains') ? frontMatter.domains : undefined;
  if (override === undefined) return { domains: detected, source: 'classifier', scores, warnings: [] };

  const known = defs.map((d) => d.id);
  const names = Array.isArray(override) ? override : typeof override === 'string' ? override.split(',') : null;
  if (names === null) {
    return { domains: detected, source: 'classifier', scores, warnings: [`front matter "domains" must be a list of domain names; known domains: ${known.join(', ')}`] };
  }
  const warnings: string[] = [];
  const chosen = new Set<string>();
  for (const raw of names) {
    const name = String(raw).trim().toLowerCase();
    if (name === '') continue;
    if (known.includes(name)) chosen.add(name);
    else warnings.push(`unknown domain "${name}" in front matter; known domains: ${known.join(', ')}`);
  }
  return { domains: known.filter((id) => chosen.has(id)), source: 'front-matter', scores, warnings };
}

/** The display title of a domain id, or the id itself for a domain only a checklist file defines. */
export function domainTitle(id: string, defs: readonly DomainDefinition[] = BUILTIN_DOMAINS): string {
  return defs.find((d) => d.id === id)?.title ?? id;
}
