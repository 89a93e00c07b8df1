import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addUsage, estimateCost } from '../../../core/review/cost.js';
import { PRICES_TAKEN, priceFor } from '../../../core/review/price-table.js';

describe('estimateCost', () => {
  const usage = { inputTokens: 1_000_000, outputTokens: 100_000, cacheWriteTokens: 200_000, cacheReadTokens: 2_000_000 };

  it('prices input, output, cache writes and cache reads separately', () => {
    const price = priceFor('claude-sonnet-5-5')!;
    const expected = (1_000_000 * price.input + 100_000 * price.output + 200_000 * price.cacheWrite + 2_000_000 * price.cacheRead) / 1e6;
    const cost = estimateCost('claude-sonnet-5-5', usage);
    assert.equal(cost.usd, Math.round(expected * 1e6) / 1e6);
    assert.equal(cost.family, 'Sonnet 5.5');
    assert.equal(cost.pricesTaken, PRICES_TAKEN.date);
  });

  it('makes a cache read much cheaper than sending the same tokens again', () => {
    const fresh = estimateCost('claude-sonnet-5-5', { inputTokens: 10_000, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0 }).usd!;
    const cachedRead = estimateCost('claude-sonnet-5-5', { inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 10_000 }).usd!;
    assert.ok(cachedRead * 10 <= fresh, `${cachedRead} vs ${fresh}`);
  });

  it('picks the most specific family first and knows dated ids', () => {
    assert.equal(priceFor('claude-sonnet-5')?.family, 'Sonnet 5');
    assert.equal(priceFor('claude-sonnet-4-5-20250929')?.family, 'Sonnet 4.x');
    assert.equal(priceFor('claude-opus-4-5-20251101')?.family, 'Opus 4.5–5');
    assert.equal(priceFor('claude-opus-4-1')?.family, 'Opus 4/4.1');
    assert.equal(priceFor('claude-haiku-4-5')?.family, 'Haiku 4.5');
  });

  it('returns null for a model family it does not know', () => {
    assert.deepEqual(estimateCost('some-other-model', usage), { usd: null, family: null, pricesTaken: PRICES_TAKEN.date });
  });

  it('adds usage field by field', () => {
    assert.deepEqual(addUsage(usage, usage), { inputTokens: 2_000_000, outputTokens: 200_000, cacheWriteTokens: 400_000, cacheReadTokens: 4_000_000 });
  });
});
