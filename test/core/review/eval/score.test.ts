import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoreSpec } from '../../../../core/review/eval/score.js';
import type { Finding } from '../../../../core/review/finding.js';
import type { Sidecar } from '../../../../core/review/eval/sidecar.js';

const base = { section: 'functional', quote: '', whyAnAgentWouldGuess: 'w', severity: 'high' as const, pass: 'offline', offline: true };
const checklist: Finding = { ...base, id: 'f-1', rule: 'checklist/outbound-calls/destinations', problem: 'Which destinations may the server call, and are internal addresses blocked?', suggestion: 'Refuse private and loopback addresses.' };
const lint: Finding = { ...base, id: 'f-2', rule: 'ac/vague-term', problem: '"internal" is vague', suggestion: 'Name it.' };

describe('eval scoring', () => {
  it('judges a checklist finding by its words when the gap names no rule (a held-out set), never a lint finding', () => {
    const sidecar: Sidecar = { domains: ['outbound-calls'], gaps: [{ id: 'ssrf', description: 'SSRF', rules: [], terms: ['internal', 'private'] }] };
    assert.deepEqual(scoreSpec(sidecar, [checklist], ['offline']).gaps[0].raisedBy, ['offline']);
    assert.deepEqual(scoreSpec(sidecar, [lint], ['offline']).gaps[0].raisedBy, []);
  });

  it('judges an offline finding by its rule id alone when the gap names rules', () => {
    const sidecar: Sidecar = { domains: ['outbound-calls'], gaps: [{ id: 'ssrf', description: 'SSRF', rules: ['checklist/outbound-calls/other'], terms: ['internal'] }] };
    assert.deepEqual(scoreSpec(sidecar, [checklist], ['offline']).gaps[0].raisedBy, []);
  });
});
