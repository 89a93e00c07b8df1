/**
 * A realistic large spec of about `bytes` bytes: the six sections with many numbered items,
 * a long edge-case table and grouped criteria, for benchmarks.
 */
export function generateSpec(bytes: number, options: { acs?: number; frs?: number; criterion?: (i: number) => string } = {}): string {
  const frs = options.frs ?? Math.max(1, Math.round(bytes / 3000));
  const acs = options.acs ?? Math.max(1, Math.round(bytes / 1500));
  const rows = Math.max(1, Math.round(acs / 10));
  const out: string[] = ['---', 'title: Generated load spec', 'status: draft', '---', '', '# Generated load spec', '', '## Context', ''];
  out.push('The service is an Express API on PostgreSQL. '.repeat(20), '');
  out.push('## Problem Statement', '', 'Users need a way to do the thing without waiting for support.', '');
  out.push('## Functional Requirements', '');
  for (let i = 1; i <= frs; i++) out.push(`- **FR-${i}:** When a client calls POST /v1/items/${i} with a JSON body \`{"name": string}\`, the system must store the row in items_${i % 50} and reply 201 within 200 ms.`);
  out.push('', '## Non-Functional Requirements', '');
  for (let i = 1; i <= Math.max(1, Math.round(frs / 10)); i++) out.push(`- **NFR-${i} (Latency):** p99 latency of POST /v1/items/${i} stays under 200 ms at 100 requests per second.`);
  out.push('', '## Edge Cases and Error Handling', '', '| Scenario | HTTP Status | Response Body | Side Effect |', '|---|---|---|---|');
  for (let i = 1; i <= rows; i++) out.push(`| Item ${i} name missing | 400 | \`{"error":"NAME_REQUIRED_${i}"}\` | Log WARN |`);
  out.push('', '## Acceptance Criteria', '');
  const groups = ['Happy Path', 'Error States', 'Security', 'Performance'];
  for (let i = 1; i <= acs; i++) {
    if ((i - 1) % Math.ceil(acs / groups.length) === 0) out.push('', `### ${groups[Math.floor((i - 1) / Math.ceil(acs / groups.length))]}`, '');
    out.push(
      `- **AC-${i}:** ${options.criterion?.(i) ?? `Given an item without a name, when POST /v1/items/${i % frs || 1} is sent, then the response is 400 with \`{"error":"NAME_REQUIRED_${(i % rows) + 1}"}\` and no row is written to items_${i % 50}.`}`,
    );
  }
  let text = `${out.join('\n')}\n`;
  while (text.length < bytes) text += `\nAppendix paragraph ${text.length}: more context for readers. `.repeat(40);
  return text;
}

/**
 * The hostile case of issue 10: `count` criteria that each state a token expiry, most of them
 * disagreeing, so a rule comparing every pair of criteria has n(n−1)/2 findings to report.
 */
export function generateNumberedCriteriaSpec(count = 5000): string {
  return generateSpec(0, { acs: count, frs: 40, criterion: (i) => `When the user signs in, the login token expires after ${(i % 97) + 1} minutes.` });
}
