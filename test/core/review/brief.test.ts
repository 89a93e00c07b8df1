import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseSpec } from '../../../core/markdown/parse.js';
import { buildAgentBrief, listBriefTargets } from '../../../core/review/brief.js';

const doc = parseSpec(readFileSync(new URL('../../../samples/magic-link.md', import.meta.url), 'utf8'));

describe('agent brief', () => {
  it('lists the endpoints the spec names and its functional requirements', () => {
    const targets = listBriefTargets(doc);
    const endpoints = targets.filter((t) => t.kind === 'endpoint').map((t) => (t.kind === 'endpoint' ? `${t.method} ${t.path}` : ''));
    assert.deepEqual(endpoints, ['POST /auth/login', 'GET /me', 'POST /auth/magic-link/request', 'POST /auth/magic-link/verify']);
    assert.equal(targets.filter((t) => t.kind === 'item').length, 8);
  });

  it('hands one endpoint over with its requirements, edge cases, ACs and the conventions file', () => {
    const brief = buildAgentBrief(doc, { kind: 'endpoint', method: 'POST', path: '/auth/magic-link/request' }, { conventionsFile: 'AGENTS.md' });
    assert.equal(brief.title, 'Agent brief: POST /auth/magic-link/request');
    // The ACs that exercise this endpoint, not the verify or login ones.
    for (const id of ['AC-1', 'AC-6', 'AC-7', 'AC-9']) assert.ok(brief.items.includes(id), id);
    for (const id of ['AC-2', 'AC-4', 'AC-5', 'AC-10', 'FR-5', 'FR-6']) assert.ok(!brief.items.includes(id), id);
    for (const id of ['FR-1', 'FR-2', 'FR-3', 'FR-7', 'NFR-1', 'NFR-3']) assert.ok(brief.items.includes(id), id);
    assert.deepEqual(brief.edgeCases, ['Email not found', 'Account suspended', 'Rate limit exceeded (6th request in 60 minutes)', 'Email send failure']);
    assert.match(brief.text, /^# Agent brief: POST \/auth\/magic-link\/request/);
    assert.match(brief.text, /Implement POST \/auth\/magic-link\/request and nothing else/);
    assert.match(brief.text, /Follow the project conventions in AGENTS\.md\./);
    assert.ok(brief.text.includes(doc.sections.find((s) => s.key === 'context')!.body.trim()));
    assert.ok(brief.text.includes('| Email send failure | 503 |'));
    assert.ok(!brief.text.includes('TOKEN_USED'), 'the verify endpoint\'s rows stay out');
  });

  it('fills the instructions of an edited prompt file', () => {
    const brief = buildAgentBrief(doc, { kind: 'item', id: 'FR-2' }, { instructions: 'Build {{target}}; read {{conventions}} first.' });
    assert.match(brief.text, /Build FR-2; read CLAUDE\.md first\./);
    assert.equal(brief.items[0], 'FR-1', 'FR-2 names the request endpoint, so its sibling requirements come along');
    assert.ok(brief.items.includes('FR-2'));
  });

  it('refuses an id that is not a functional requirement', () => {
    assert.throws(() => buildAgentBrief(doc, { kind: 'item', id: 'FR-99' }), /FR-99/);
  });
});

// Found by test/fuzz/handlers.test.ts: review.briefTargets answered targets its own contract refuses.
describe('listBriefTargets keeps to the contract on odd specs', () => {
  it('lists only FR ids from the Functional Requirements section, once each, and no endpoint path over 500 characters', () => {
    const odd = parseSpec(
      `# Odd\n\n## Functional Requirements\n- **AC-1:** misplaced\n- **FR-2:** GET /a${'/b'.repeat(300)}\n- **FR-2:** twice\n- **NFR-1:** misplaced too\n`,
    );
    assert.deepEqual(listBriefTargets(odd), [{ kind: 'item', id: 'FR-2' }]);
  });
});
