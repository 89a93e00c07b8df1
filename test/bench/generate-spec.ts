/**
 * A large, varied agent-ready spec for the lint benchmark: `frs` functional requirements,
 * each with its own endpoint, and `acs` criteria in all styles, about one in five vague, so
 * every rule has work to do and no two items share a text (the cache cannot help within a run).
 */
export function generateSpec(frs: number, acs: number): string {
  const out: string[] = ['# Generated spec', '', '## Context', 'A REST API on PostgreSQL.', '', '## Problem Statement', 'Users need many things.', '', '## Functional Requirements'];
  for (let i = 1; i <= frs; i++) {
    out.push(
      i % 3 === 0
        ? `- **FR-${i}:** When POST /resources-${i}/items receives a body \`{"name": string}\`, the system must reply 201 with \`{"id": string}\` and insert 1 row into items_${i}.`
        : `- **FR-${i}:** The system must provide GET /resources-${i}/items/{id}, returning 404 with \`{"error":"ITEM_${i}_NOT_FOUND"}\` for unknown ids.`,
    );
  }
  out.push('', '## Non-Functional Requirements', '- **NFR-1:** GET /resources-1/items/{id} must have a p99 latency under 200 ms at 100 requests per second.', '');
  out.push('## Edge Cases and Error Handling', '| Scenario | HTTP Status | Response Body | Side Effect |', '|---|---|---|---|');
  for (let i = 1; i <= Math.min(frs, 50); i++) out.push(`| Item ${i} not found | 404 | \`{"error":"ITEM_${i}_NOT_FOUND"}\` | Log WARN |`);
  out.push('', '## Acceptance Criteria');
  const templates = [
    (i: number, r: number) => `Given an item ${i} in resources-${r}, when GET /resources-${r}/items/${i} is sent, then the response status is 200 and the body has \`"id": "${i}"\`.`,
    (i: number, r: number) => `Given an unknown id ${i}, when GET /resources-${r}/items/${i} is sent, then the response status is 404 with \`{"error":"ITEM_${r}_NOT_FOUND"}\`.`,
    (i: number, r: number) => `When POST /resources-${r}/items is sent with \`{"name":"n${i}"}\`, the system shall reply 201 and insert exactly 1 row into items_${r}.`,
    (i: number, r: number) => `Given a user on page ${i}\n  When they open resources ${r}\n  Then the list shows "${i} items"\n  And the Save button is disabled`,
    (i: number, r: number) => `The resource ${r} page ${i} should load quickly and work properly, etc.`,
    (i: number, r: number) => `While resource ${r} is archived, the system shall answer POST /resources-${r}/items with 409 for request ${i}.`,
    (i: number, r: number) => `Given item ${i}, when resources ${r} are exported, then it works as expected.`,
    (i: number, r: number) => `If item ${i} of resource ${r} is locked, then the system shall respond with 423 and \`{"error":"LOCKED"}\`.`,
  ];
  for (let i = 1; i <= acs; i++) out.push(`- **AC-${i}:** ${templates[i % templates.length](i, (i % frs) + 1)}`);
  out.push('');
  return out.join('\n');
}
