import { stageTime, currentStage, type SpecStage, type SpecTransition } from './lifecycle.js';
import { daysBetween, median, quantile, round1 } from './stats.js';

/** The process is too slow when spec-to-implementation-start keeps exceeding one week. */
export const FLAG_AFTER_DAYS = 7;

export interface MetricsSpec {
  id: number;
  title: string;
  transitions: SpecTransition[];
}

/** One review request and its verdict (from the review threads, when they exist). */
export interface ReviewLatencyEvent {
  specId: number;
  reviewer: string;
  requestedAt: string;
  verdictAt: string | null;
}

export interface SpecFlow {
  specId: number;
  title: string;
  stage: SpecStage;
  approvedAt: string | null;
  implementationStartAt: string | null;
  implementationSource: 'manual' | 'detected' | null;
  /** Approval → implementation start in days; for an approved spec not yet started, the time so far. */
  daysToStart: number | null;
  /** True when `daysToStart` is still running (approved, not started). */
  soFar: boolean;
  flagged: boolean;
  /** In review → approved, in days. */
  daysInReview: number | null;
}

export interface MonthFlow {
  /** `2026-11`, the month of approval. */
  month: string;
  count: number;
  medianDays: number | null;
  p90Days: number | null;
  flagged: number;
}

export interface ReviewerLatency {
  reviewer: string;
  requests: number;
  answered: number;
  medianDays: number | null;
}

export interface FlowMetrics {
  generatedAt: string;
  since: string | null;
  flagAfterDays: number;
  specs: SpecFlow[];
  months: MonthFlow[];
  reviewers: ReviewerLatency[];
  medianDays: number | null;
  p90Days: number | null;
  flaggedCount: number;
}

/**
 * Groups every recorded transition by spec and keeps the specs still in the Library (`titles`:
 * active and archived specs by id), in the order their transitions come. Both hosts (the local
 * FlowService and the team server) feed `computeFlowMetrics` through this.
 */
export function metricsSpecsOf(transitions: SpecTransition[], titles: ReadonlyMap<number, string>): MetricsSpec[] {
  const bySpec = new Map<number, SpecTransition[]>();
  for (const t of transitions) {
    const list = bySpec.get(t.specId);
    if (list) list.push(t);
    else bySpec.set(t.specId, [t]);
  }
  return [...bySpec.entries()].filter(([id]) => titles.has(id)).map(([id, list]) => ({ id, title: titles.get(id)!, transitions: list }));
}

/**
 * Spec-to-implementation-start per spec, monthly median and 90th percentile, specs over a week
 * flagged (an approved spec not yet started counts its open time "so far"), time in review and
 * review latency per reviewer. Linear in specs + transitions + review events.
 */
export function computeFlowMetrics(input: { specs: MetricsSpec[]; reviews?: ReviewLatencyEvent[]; now: string; since?: string | null }): FlowMetrics {
  const since = input.since ?? null;
  const specs: SpecFlow[] = [];
  for (const spec of input.specs) {
    const approved = stageTime(spec.transitions, 'approved');
    if (since && (!approved || approved.at < since)) continue;
    const started = stageTime(spec.transitions, 'implementation-started');
    const inReview = stageTime(spec.transitions, 'in-review');
    const startAt = approved && started && started.at >= approved.at ? started : null;
    const soFar = approved !== null && startAt === null;
    const daysToStart = approved ? daysBetween(approved.at, startAt ? startAt.at : input.now) : null;
    specs.push({
      specId: spec.id,
      title: spec.title,
      stage: currentStage(spec.transitions),
      approvedAt: approved?.at ?? null,
      implementationStartAt: startAt?.at ?? null,
      implementationSource: startAt?.source ?? null,
      daysToStart: round1(daysToStart),
      soFar,
      flagged: daysToStart !== null && daysToStart > FLAG_AFTER_DAYS,
      daysInReview: inReview && approved && approved.at >= inReview.at ? round1(daysBetween(inReview.at, approved.at)) : null,
    });
  }

  const byMonth = new Map<string, SpecFlow[]>();
  for (const s of specs) {
    if (!s.approvedAt || s.daysToStart === null) continue;
    const month = s.approvedAt.slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), s]);
  }
  const months = [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, list]) => {
      const days = list.map((s) => s.daysToStart!);
      return { month, count: list.length, medianDays: round1(median(days)), p90Days: round1(quantile(days, 0.9)), flagged: list.filter((s) => s.flagged).length };
    });

  const byReviewer = new Map<string, ReviewLatencyEvent[]>();
  for (const r of input.reviews ?? []) {
    if (since && r.requestedAt < since) continue;
    byReviewer.set(r.reviewer, [...(byReviewer.get(r.reviewer) ?? []), r]);
  }
  const reviewers = [...byReviewer.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reviewer, list]) => {
      const answered = list.filter((r) => r.verdictAt !== null);
      return { reviewer, requests: list.length, answered: answered.length, medianDays: round1(median(answered.map((r) => daysBetween(r.requestedAt, r.verdictAt!)))) };
    });

  const all = specs.filter((s) => s.daysToStart !== null).map((s) => s.daysToStart!);
  return {
    generatedAt: input.now,
    since,
    flagAfterDays: FLAG_AFTER_DAYS,
    specs,
    months,
    reviewers,
    medianDays: round1(median(all)),
    p90Days: round1(quantile(all, 0.9)),
    flaggedCount: specs.filter((s) => s.flagged).length,
  };
}
