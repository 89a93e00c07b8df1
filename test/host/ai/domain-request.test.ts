import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { findingChunks, StandinServer } from './standin-server.js';
import { modelFinding, serviceFor } from './helpers.js';

const refunds = readFileSync(new URL('../../fixtures/review-eval/refunds.md', import.meta.url), 'utf8');

type SystemBlock = { type: string; text: string; cache_control?: { type: string } };

describe('domain checklists in model requests (FR-2, AC-3)', () => {
  let standin: StandinServer;
  before(async () => (standin = await StandinServer.start()));
  after(() => standin.close());

  it('sends the payments checklist after the cached spec block, which stays byte-identical across passes', async () => {
    const { service } = await serviceFor({ baseURL: standin.url, settings: { concurrency: 1 } });
    const reply = () => ({ kind: 'tool' as const, name: 'report_findings', chunks: findingChunks({ findings: [modelFinding('Refunds today are issued by the support team in the Stripe dashboard, and the order page does not show them.', { section: 'context' })] }) });
    standin.enqueue(reply(), reply());
    const before = standin.requests.length;
    const started = await service.start({ all: true, specMarkdown: refunds });
    assert.deepEqual(started.domains.domains, ['payments']);
    assert.deepEqual(started.passIds, ['edge-case-hunt', 'principal-review']);
    const run = await service.waitForRun(started.runId);
    assert.deepEqual(run.passes.map((p) => p.status), ['succeeded', 'succeeded']);
    const requests = standin.requests.slice(before);
    assert.equal(requests.length, 2);

    const systems = requests.map((r) => r.body.system as SystemBlock[]);
    const edge = systems[requests.findIndex((r) => JSON.stringify(r.body.messages).includes('attacker'))];
    assert.ok(edge, 'the edge-case pass was sent');
    const cachedAt = edge.findIndex((b) => b.cache_control);
    assert.equal(cachedAt, 1);
    assert.ok(edge[cachedAt].text.includes(refunds));
    const checklist = edge[cachedAt + 1];
    assert.ok(checklist && !checklist.cache_control, 'the checklist block follows the cached spec block, outside the cache');
    assert.match(checklist.text, /## Payments and money \(payments\)/);
    assert.match(checklist.text, /\[payments\/duplicate-request\] What happens when the same payment or refund request arrives twice/);
    assert.match(checklist.text, /## Any feature \(general\)/);
    assert.doesNotMatch(checklist.text, /\(authentication\)|sign-in/i);
    // Byte-identical spec block (and prefix) in every pass.
    assert.deepEqual(systems[0].slice(0, 2), systems[1].slice(0, 2));
    assert.equal(JSON.stringify(systems[0][1]), JSON.stringify(systems[1][1]));
    // NFR-2: the checklists add at most about 2 k tokens.
    assert.ok(checklist.text.length <= 7000, `${checklist.text.length} chars`);
  });

  it('sends no domain checklist but the general one when no domain is detected', async () => {
    const { service } = await serviceFor({ baseURL: standin.url });
    standin.enqueue({ kind: 'tool', name: 'report_findings', chunks: findingChunks({ findings: [] }) });
    const spec = '# Dark mode\n\n## Functional Requirements\n- FR-1: The app must follow the operating system colour scheme.\n';
    const before = standin.requests.length;
    const started = await service.start({ passId: 'principal-review', specMarkdown: spec });
    assert.deepEqual(started.domains.domains, []);
    await service.waitForRun(started.runId);
    const system = standin.requests[before].body.system as SystemBlock[];
    assert.equal(system.length, 3);
    assert.match(system[2].text, /## Any feature \(general\)/);
    assert.equal((system[2].text.match(/^## /gm) ?? []).length, 1);
  });
});
