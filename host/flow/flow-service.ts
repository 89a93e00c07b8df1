import type { SpecStage } from '../../core/flow/lifecycle.js';
import { stageTime } from '../../core/flow/lifecycle.js';
import { computeFlowMetrics, metricsSpecsOf, type FlowMetrics, type ReviewLatencyEvent } from '../../core/flow/metrics.js';
import { recommendSpec, withSpecRequiredBadges, type SpecRequiredAnswers, type SpecRequiredBadge } from '../../core/flow/spec-required.js';
import { parseSpec } from '../../core/markdown/parse.js';
import { HostError } from '../common/host-error.js';
import type { DecisionStore, StoredSpecRequired } from '../store/decisions.js';
import type { SpecStore } from '../store/spec-store.js';
import { detectImplementationStart, type Detection } from './git-detect.js';

/** Where review request → verdict times come from; the review threads plug in here. */
export type ReviewLatencySource = () => ReviewLatencyEvent[];

/** The ids a commit may name a spec by: its front matter `id`, and `SPEC-<library id>`. */
export function specIdsOf(specId: number, frontMatter: Record<string, unknown> | null): string[] {
  const ids = [`SPEC-${specId}`];
  const own = frontMatter?.id;
  if (typeof own === 'string' || typeof own === 'number') ids.unshift(String(own));
  return ids;
}

function globsOf(frontMatter: Record<string, unknown> | null): string[] {
  const value = frontMatter?.implementation;
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').slice(0, 100);
}

/** The spec lifecycle (FR-6), flow metrics (FR-7) and "spec required?" (FR-8). */
export class FlowService {
  private reviews: ReviewLatencySource = () => [];

  constructor(private readonly deps: { specs: SpecStore; decisions: DecisionStore; now?: () => Date }) {}

  setReviewLatencySource(source: ReviewLatencySource): void {
    this.reviews = source;
  }

  setStage(specId: number, state: SpecStage, options: { at?: string; actor?: string } = {}) {
    const at = options.at ? new Date(options.at).toISOString() : undefined;
    this.deps.decisions.transaction(() => this.deps.decisions.addTransition({ specId, state, at, actor: options.actor, source: 'manual' }));
    return this.deps.decisions.transitions(specId);
  }

  transitions(specId: number) {
    return this.deps.decisions.transitions(specId);
  }

  metrics(since?: string): FlowMetrics {
    const titles = new Map([...this.deps.specs.listSpecs({ state: 'active' }), ...this.deps.specs.listSpecs({ state: 'archived' })].map((s) => [s.id, s.title]));
    const specs = metricsSpecsOf(this.deps.decisions.allTransitions(), titles);
    return computeFlowMetrics({ specs, reviews: this.reviews(), now: (this.deps.now?.() ?? new Date()).toISOString(), since: since ? new Date(since).toISOString() : null });
  }

  /**
   * Detects implementation start from git and records it (once per commit) unless a manual
   * start exists, which always wins. Returns what was found and the effective start.
   */
  async detect(specId: number, repoDir: string, env?: NodeJS.ProcessEnv): Promise<{ detection: Detection; recorded: boolean; effective: { at: string; source: string } | null }> {
    const opened = this.deps.specs.getSpec(specId);
    const transitions = this.deps.decisions.transitions(specId);
    const approved = stageTime(transitions, 'approved');
    if (!approved) return { detection: { status: 'off', reason: `spec ${specId} has no approval yet; detection starts after approval` }, recorded: false, effective: null };
    const fm = parseSpec(opened.head.markdown).frontMatter;
    const detection = await detectImplementationStart({ repoDir, approvedAt: approved.at, specIds: specIdsOf(specId, fm), globs: globsOf(fm), env });
    let recorded = false;
    if (detection.status === 'found' && !this.deps.decisions.hasDetectedStart(specId, detection.commit)) {
      this.deps.decisions.transaction(() =>
        this.deps.decisions.addTransition({ specId, state: 'implementation-started', at: detection.at, actor: 'git', source: 'detected', detail: detection.commit }),
      );
      recorded = true;
    }
    const effective = stageTime(this.deps.decisions.transitions(specId), 'implementation-started');
    return { detection, recorded, effective: effective ? { at: effective.at, source: effective.source } : null };
  }

  saveSpecRequired(specId: number | null, answers: SpecRequiredAnswers, actor?: string): StoredSpecRequired {
    const result = recommendSpec(answers);
    return this.deps.decisions.transaction(() => this.deps.decisions.saveSpecRequired(specId, answers, result, actor));
  }

  specRequired(specId: number): StoredSpecRequired | null {
    return this.deps.decisions.latestSpecRequired(specId);
  }

  /** Adds each listed spec's latest recommendation (or null) to its Library row, in one query. */
  withSpecRequired<T extends { id: number }>(rows: T[]): (T & { specRequired: SpecRequiredBadge })[] {
    return withSpecRequiredBadges(rows, this.deps.decisions.latestSpecRequiredPerSpec());
  }
}
