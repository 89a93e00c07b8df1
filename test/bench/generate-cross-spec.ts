/**
 * FR-9 / AC-6: a six-part spec with `count` criteria that all carry numbers the cross-section
 * rules compare — expiries in hours and days (some in words), rate limits and refused ordinal
 * requests, retry schedules, statuses and error codes — spread over `areas` product areas.
 * Every `conflictEvery`-th criterion contradicts its area's requirement, so the rules have
 * many conflicts to find; deterministic, so tests can bound the report exactly.
 */
export interface CrossSpecOptions {
  count?: number;
  areas?: number;
  conflictEvery?: number;
}

/** A made-up word per area, so two areas never share a subject word. */
export const areaWord = (a: number) => `zone${String.fromCharCode(97 + (a % 26))}${String.fromCharCode(97 + Math.floor(a / 26) % 26)}q`;

/** The criteria planted to contradict their area, and what they contradict. */
export function plantedConflicts(options: CrossSpecOptions = {}): Array<{ ac: number; area: number; kind: 'expiry' | 'rate' | 'retry' | 'code' }> {
  const count = options.count ?? 5000;
  const areas = options.areas ?? 40;
  const every = options.conflictEvery ?? 97;
  const kinds = ['expiry', 'rate', 'retry', 'code'] as const;
  const out: Array<{ ac: number; area: number; kind: (typeof kinds)[number] }> = [];
  for (let i = every; i <= count; i += every) out.push({ ac: i, area: i % areas, kind: kinds[Math.floor(i / areas) % 4] });
  return out;
}

export function generateCrossSpec(options: CrossSpecOptions = {}): string {
  const count = options.count ?? 5000;
  const areas = options.areas ?? 40;
  const every = options.conflictEvery ?? 97;
  const out = ['# Generated cross-section load spec', '', '## Context', 'A multi-tenant API on PostgreSQL.', '', '## Problem Statement', 'Tenants need it.', '', '## Functional Requirements'];
  for (let a = 0; a < areas; a++) {
    const w = areaWord(a);
    out.push(`- **FR-${3 * a + 1}:** Each ${w} pass must expire after 48 hours.`);
    out.push(`- **FR-${3 * a + 2}:** POST /${w}/passes must accept at most 500 requests per 10 minutes and answer 429 with \`{"error":"${w.toUpperCase()}_RATE_LIMITED"}\` beyond.`);
    out.push(`- **FR-${3 * a + 3}:** Failed ${w} callbacks must be retried every 30 s up to 4 times.`);
  }
  out.push('', '## Non-Functional Requirements', '- **NFR-1:** p99 latency of every endpoint stays under 300 ms.', '', '## Edge Cases and Error Handling', '| Scenario | HTTP Status | Response Body | Side Effect |', '|---|---|---|---|');
  for (let a = 0; a < areas; a++) out.push(`| ${areaWord(a)} rate limit hit | 429 | \`{"error":"${areaWord(a).toUpperCase()}_RATE_LIMITED"}\` | Log WARN |`);
  out.push('', '## Acceptance Criteria');
  for (let i = 1; i <= count; i++) {
    const a = i % areas;
    const w = areaWord(a);
    const bad = i % every === 0;
    const kind = Math.floor(i / areas) % 4;
    let text: string;
    if (kind === 0) text = `Given a ${w} pass created more than ${bad ? 'one day' : 'three days'} ago, when GET /${w}/passes/${i} is sent, then the status is 410.`;
    else if (kind === 1)
      text = `Given 500 requests to POST /${w}/passes in the last 10 minutes, when the ${bad ? '51st' : '501st'} request is sent, then the status is 429 with \`{"error":"${w.toUpperCase()}_RATE_LIMITED"}\`.`;
    else if (kind === 2) text = `Given a failing ${w} callback, when it is sent, then it is retried every ${bad ? 'minute 3 times' : '30 s up to 4 times'}.`;
    else text = `Given ${w} item ${i}, when POST /${w}/items is sent twice, then the status is ${bad ? 409 : 429} with \`{"error":"${bad ? `conflict_${i}` : `${w.toUpperCase()}_RATE_LIMITED`}"}\`.`;
    out.push(`- **AC-${i}:** ${text}`);
  }
  return `${out.join('\n')}\n`;
}
