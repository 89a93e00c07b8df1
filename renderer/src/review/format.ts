import type { CostEstimate, PassUsage } from '../../../core/review/cost.js';

/** SHA-256 hex of the UTF-8 text: the key finding states are stored under (per spec version). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Model text as literal Markdown: every character Markdown could give meaning to is escaped,
 * so a hover shows what the model wrote and never a link, an image or HTML (NFR-3).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&:"']/g, '\\$&');
}

export function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function formatTokens(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatUsage(u: PassUsage): string {
  const parts = [`${formatTokens(u.inputTokens)} in`, `${formatTokens(u.outputTokens)} out`];
  if (u.cacheWriteTokens) parts.push(`${formatTokens(u.cacheWriteTokens)} cache write`);
  if (u.cacheReadTokens) parts.push(`${formatTokens(u.cacheReadTokens)} cache read`);
  return parts.join(' · ');
}

export function formatUsd(usd: number | null): string {
  if (usd === null) return 'cost unknown';
  if (usd === 0) return '$0';
  return usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(3)}`;
}

export function formatCost(cost: CostEstimate): string {
  return cost.usd === null ? 'cost unknown (model not in the price table)' : `≈ ${formatUsd(cost.usd)}`;
}

export function failureMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
