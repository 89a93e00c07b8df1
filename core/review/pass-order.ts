import type { PassInfo } from '../contract/ops/review.js';
import { OFFLINE_PASS } from './finding.js';

/**
 * Pass ids in workflow order: the offline reviewer first, then the known passes by step, then
 * any others in the order given. The Review panel lists (and merges) findings in this order.
 */
export function passOrder(passes: readonly PassInfo[] | null, ids: readonly string[]): string[] {
  const known = [...(passes ?? [])].sort((a, b) => a.step - b.step).map((p) => p.id);
  const others = ids.filter((id) => !known.includes(id));
  return [...others.filter((id) => id === OFFLINE_PASS), ...known, ...others.filter((id) => id !== OFFLINE_PASS)];
}
