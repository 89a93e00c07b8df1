/** Statistics of the dudect method: percentile crops and Welch's t-test. */

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

function meanAndVariance(values: readonly number[]): { mean: number; variance: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

/** Welch's t statistic for two samples of possibly different variance. */
export function welchT(a: readonly number[], b: readonly number[]): number {
  const x = meanAndVariance(a);
  const y = meanAndVariance(b);
  return (x.mean - y.mean) / Math.sqrt(x.variance / a.length + y.variance / b.length);
}

export interface CroppedT {
  /** "none" or the pooled percentile both classes were cropped at. */
  crop: string;
  t: number;
  kept: [number, number];
}

/**
 * dudect's way of looking past the noise: besides the raw samples, test again after dropping
 * everything above a percentile of the pooled samples (so a difference hiding under heavy
 * tails shows up). The leak is the largest |t| of all the tests.
 */
export function croppedTTests(a: readonly number[], b: readonly number[], percentiles: readonly number[]): CroppedT[] {
  const pooled = [...a, ...b].sort((x, y) => x - y);
  const results: CroppedT[] = [{ crop: 'none', t: welchT(a, b), kept: [a.length, b.length] }];
  for (const p of percentiles) {
    const limit = percentile(pooled, p);
    const ca = a.filter((v) => v <= limit);
    const cb = b.filter((v) => v <= limit);
    if (ca.length > 2 && cb.length > 2) results.push({ crop: `p${p}`, t: welchT(ca, cb), kept: [ca.length, cb.length] });
  }
  return results;
}
