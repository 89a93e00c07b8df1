/** USD per million tokens. Cache writes are the 5-minute ones (what `ephemeral` buys). */
export interface ModelPrice {
  family: string;
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
}

/**
 * When and where the prices below were taken. They change: the panel shows this date next
 * to every estimate, and updating is an edit of this file only.
 */
export const PRICES_TAKEN = { date: '2026-10-24', source: 'https://platform.claude.com/docs/en/about-claude/pricing' } as const;

/**
 * First match wins, so specific versions come before their family's catch-all. Haiku 5.5
 * has a higher tier for prompts over 100k tokens; specs are far below that, so only the
 * lower tier is listed.
 */
export const PRICE_TABLE: ReadonlyArray<{ match: RegExp; price: ModelPrice }> = [
  { match: /^claude-sonnet-5-5/, price: { family: 'Sonnet 5.5', input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.1 } },
  { match: /^claude-sonnet-5(?:$|-\d{8})/, price: { family: 'Sonnet 5', input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.2 } },
  { match: /^claude-sonnet-/, price: { family: 'Sonnet 4.x', input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 } },
  { match: /^claude-opus-5-5/, price: { family: 'Opus 5.5', input: 4, output: 20, cacheWrite: 5, cacheRead: 0.2 } },
  { match: /^claude-opus-(5|4-[5-9])/, price: { family: 'Opus 4.5–5', input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 } },
  { match: /^claude-opus-/, price: { family: 'Opus 4/4.1', input: 15, output: 75, cacheWrite: 18.75, cacheRead: 1.5 } },
  { match: /^claude-haiku-5-5/, price: { family: 'Haiku 5.5', input: 0.1, output: 0.5, cacheWrite: 0.125, cacheRead: 0.01 } },
  { match: /^claude-haiku-/, price: { family: 'Haiku 4.5', input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 } },
  { match: /^claude-(fable|mythos)-5-[1-9]/, price: { family: 'Fable/Mythos 5.1', input: 10, output: 50, cacheWrite: 12.5, cacheRead: 0.25 } },
  { match: /^claude-(fable|mythos)-/, price: { family: 'Fable/Mythos 5', input: 10, output: 50, cacheWrite: 12.5, cacheRead: 1 } },
];

/** The price of a model id, or null when the table does not know its family. */
export function priceFor(model: string): ModelPrice | null {
  return PRICE_TABLE.find((row) => row.match.test(model))?.price ?? null;
}
