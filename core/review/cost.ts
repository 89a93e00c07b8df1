import { z } from 'zod';
import { PRICES_TAKEN, priceFor } from './price-table.js';

/** Token counts of one pass (summed over its attempts), as the API reports them. */
export const passUsageSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheWriteTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative(),
});
export type PassUsage = z.infer<typeof passUsageSchema>;

export const ZERO_USAGE: PassUsage = { inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0 };

export function addUsage(a: PassUsage, b: PassUsage): PassUsage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
  };
}

export const costEstimateSchema = z.object({
  /** Null when the model's family is not in the price table. */
  usd: z.number().nonnegative().nullable(),
  family: z.string().nullable(),
  pricesTaken: z.string(),
});
export type CostEstimate = z.infer<typeof costEstimateSchema>;

/** Estimated USD cost of `usage` on `model`, from the dated price table. */
export function estimateCost(model: string, usage: PassUsage): CostEstimate {
  const price = priceFor(model);
  if (!price) return { usd: null, family: null, pricesTaken: PRICES_TAKEN.date };
  const usd =
    (usage.inputTokens * price.input +
      usage.outputTokens * price.output +
      usage.cacheWriteTokens * price.cacheWrite +
      usage.cacheReadTokens * price.cacheRead) /
    1_000_000;
  // Rounded to a millionth of a dollar: finer digits are noise in an estimate.
  return { usd: Math.round(usd * 1e6) / 1e6, family: price.family, pricesTaken: PRICES_TAKEN.date };
}
