/** dudect's statistics for NFR-2: percentile crops and Welch's t. */

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

function meanVar(values: readonly number[]): { mean: number; variance: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, variance: values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1) };
}

export function welchT(a: readonly number[], b: readonly number[]): number {
  const x = meanVar(a);
  const y = meanVar(b);
  const se = Math.sqrt(x.variance / a.length + y.variance / b.length);
  return se === 0 ? 0 : (x.mean - y.mean) / se;
}

export interface TimingVerdict {
  /** The largest |t| over the raw and the cropped samples. */
  maxT: number;
  medianGapMs: number;
  crops: { crop: string; t: number }[];
}

/** Welch's t on the raw samples and after cropping both classes at pooled percentiles (heavy tails hide a shift). */
export function compareTimings(a: readonly number[], b: readonly number[]): TimingVerdict {
  const pooled = [...a, ...b].sort((x, y) => x - y);
  const crops = [{ crop: 'none', t: welchT(a, b) }];
  for (const p of [50, 75, 90]) {
    const limit = percentile(pooled, p);
    const ca = a.filter((v) => v <= limit);
    const cb = b.filter((v) => v <= limit);
    if (ca.length > 4 && cb.length > 4) crops.push({ crop: `p${p}`, t: welchT(ca, cb) });
  }
  return { maxT: Math.max(...crops.map((c) => Math.abs(c.t))), medianGapMs: Math.abs(median(a) - median(b)), crops };
}
