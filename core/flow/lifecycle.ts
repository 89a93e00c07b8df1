import { z } from 'zod';

/** A spec's lifecycle, in order. */
export const SPEC_STAGES = ['draft', 'in-review', 'approved', 'implementation-started', 'done'] as const;
export type SpecStage = (typeof SPEC_STAGES)[number];
export const specStageSchema = z.enum(SPEC_STAGES);

export type TransitionSource = 'manual' | 'detected';

export interface SpecTransition {
  specId: number;
  state: SpecStage;
  /** ISO 8601 time the stage was reached. */
  at: string;
  actor: string;
  source: TransitionSource;
  detail: string | null;
}

/** The time a spec entered `state`: the last manual entry wins, else the earliest detected one. */
export function stageTime(transitions: SpecTransition[], state: SpecStage): { at: string; source: TransitionSource; detail: string | null } | null {
  let manual: SpecTransition | null = null;
  let detected: SpecTransition | null = null;
  for (const t of transitions) {
    if (t.state !== state) continue;
    if (t.source === 'manual') manual = t;
    else if (!detected || t.at < detected.at) detected = t;
  }
  const pick = manual ?? detected;
  return pick ? { at: pick.at, source: pick.source, detail: pick.detail } : null;
}

/** The stage a spec is in now: the furthest stage it has a time for. */
export function currentStage(transitions: SpecTransition[]): SpecStage {
  let stage: SpecStage = 'draft';
  for (const s of SPEC_STAGES) if (transitions.some((t) => t.state === s)) stage = s;
  return stage;
}
