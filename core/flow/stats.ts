/** Median of numbers (mean of the middle two for an even count); null for none. */
export function median(values: number[]): number | null {
  return quantile(values, 0.5);
}

/** Linear-interpolated quantile (the same rule as numpy's default); null for none. */
export function quantile(values: number[], q: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const DAY_MS = 86_400_000;

export function daysBetween(fromIso: string, toIso: string): number {
  return (Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS;
}

/** Rounded to one decimal for display and JSON. */
export function round1(n: number | null): number | null {
  return n === null ? null : Math.round(n * 10) / 10;
}
