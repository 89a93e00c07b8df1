import type { AgendaCandidate } from '../../core/meeting/agenda.js';

/** What a provider is asked about: the spec (and its version) the meeting reviews. */
export interface AgendaContext {
  specId: number | null;
  specVersion: number | null;
  /** SHA-256 of the reviewed version's text, for per-version states (findings). */
  contentHash: string | null;
}

/**
 * One source of agenda items: open blocking review threads, reviewers requesting changes or with
 * stale verdicts, high-severity AI findings not yet applied or dismissed, criteria failing in the
 * last validation run. A provider that cannot answer (its feature is not there yet, its data is
 * missing) throws; the meeting notes the reason and builds the agenda from the others.
 */
export interface AgendaProvider {
  kind: string;
  collect(ctx: AgendaContext): Promise<AgendaCandidate[]>;
}

/** A high-severity finding as the review service last reported it for a spec. */
export interface ReportedFinding {
  id: string;
  severity: 'high' | 'medium' | 'low';
  section: string;
  problem: string;
}

/**
 * High-severity AI findings the author has neither applied nor dismissed on the reviewed
 * version (the finding states of migration 002).
 */
export function findingsProvider(deps: {
  findings: (specId: number) => Promise<ReportedFinding[]>;
  states: (specId: number, contentHash: string) => Array<{ findingId: string; state: string }> | Promise<Array<{ findingId: string; state: string }>>;
}): AgendaProvider {
  return {
    kind: 'finding',
    async collect(ctx) {
      if (ctx.specId === null) return [];
      const decided = new Set(ctx.contentHash ? (await deps.states(ctx.specId, ctx.contentHash)).filter((s) => s.state !== 'open').map((s) => s.findingId) : []);
      return (await deps.findings(ctx.specId))
        .filter((f) => f.severity === 'high' && !decided.has(f.id))
        .map((f) => ({
          sourceKind: 'finding',
          sourceRef: f.id,
          title: f.problem.length > 120 ? `${f.problem.slice(0, 117)}…` : f.problem,
          detail: `High-severity AI finding in ${f.section}`,
          requirementIds: [...new Set(f.problem.match(/\b(?:FR|NFR|AC)-\d+\b/g) ?? [])],
        }));
    },
  };
}

/** Items someone added by hand when opening the meeting. */
export function manualProvider(items: Array<{ title: string; detail?: string }>): AgendaProvider {
  return {
    kind: 'manual',
    async collect() {
      return items.map((item, i) => ({ sourceKind: 'manual', sourceRef: `manual-${i + 1}-${item.title}`, title: item.title, detail: item.detail ?? '', requirementIds: [] }));
    },
  };
}
