import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_PROMPT } from '../../../core/review/render.js';
import { findingChunks, StandinServer } from './standin-server.js';
import { modelFinding, serviceFor } from './helpers.js';

const draft = readFileSync(new URL('../../../samples/magic-link-draft.md', import.meta.url), 'utf8');

describe('request layout (NFR-1, AC-2)', () => {
  let standin: StandinServer;
  before(async () => (standin = await StandinServer.start()));
  after(() => standin.close());

  it('sends the spec once per pass in an identical cache_control block ahead of the pass instructions', async () => {
    const { service } = await serviceFor({ baseURL: standin.url, settings: { concurrency: 1 } });
    const reply = () => ({ kind: 'tool' as const, name: 'report_findings', chunks: findingChunks({ findings: [modelFinding('Log the important events.', { section: 'nonFunctional' })] }) });
    standin.enqueue(reply(), reply());
    const { runId, passIds } = await service.start({ all: true, specMarkdown: draft });
    assert.deepEqual(passIds, ['edge-case-hunt', 'principal-review']);
    const run = await service.waitForRun(runId);
    assert.deepEqual(run.passes.map((p) => p.status), ['succeeded', 'succeeded']);
    assert.equal(standin.requests.length, 2);

    const blocks = standin.requests.map((r) => {
      const system = r.body.system as Array<{ type: string; text: string; cache_control?: { type: string } }>;
      const marked = system.filter((b) => b.cache_control);
      assert.equal(marked.length, 1, 'exactly one cached block');
      assert.deepEqual(marked[0].cache_control, { type: 'ephemeral' });
      assert.equal(system[0].text, SYSTEM_PROMPT, 'the shared system prompt comes first');
      return { system, spec: marked[0] };
    });
    // Byte-identical spec block, and the same prefix before it (tools and system prompt).
    assert.deepEqual(blocks[0].spec, blocks[1].spec);
    assert.ok(blocks[0].spec.text.includes(draft), 'the block carries the spec text verbatim');
    assert.deepEqual(standin.requests[0].body.tools, standin.requests[1].body.tools);
    assert.deepEqual(blocks[0].system, blocks[1].system);

    for (const r of standin.requests) {
      const messages = r.body.messages as Array<{ role: string; content: Array<{ type: string; text: string }> }>;
      assert.equal(messages.length, 1);
      const instructions = messages[0].content[0].text;
      assert.ok(!instructions.includes(draft), 'the spec is sent once, not again with the instructions');
      // Order on the wire: the spec block precedes the pass-specific instructions.
      const wire = JSON.stringify(r.body);
      assert.ok(wire.indexOf(JSON.stringify(blocks[0].spec.text)) < wire.indexOf(JSON.stringify(instructions)));
      assert.deepEqual(r.body.tool_choice, { type: 'tool', name: 'report_findings', disable_parallel_tool_use: true });
      assert.equal(r.body.stream, true);
    }
    // The instructions differ per pass (one is the edge-case hunt, the other the principal review).
    const texts = standin.requests.map((r) => (r.body.messages as Array<{ content: Array<{ text: string }> }>)[0].content[0].text);
    assert.notEqual(texts[0], texts[1]);

    // The stand-in prices caching like the API: the second pass reads what the first wrote.
    assert.ok(run.passes[0].usage.cacheWriteTokens > 0);
    assert.equal(run.passes[0].usage.cacheReadTokens, 0);
    assert.equal(run.passes[1].usage.cacheWriteTokens, 0);
    assert.equal(run.passes[1].usage.cacheReadTokens, run.passes[0].usage.cacheWriteTokens);
  });
});
