import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { saveOnTeam } from '../../../host/team/stale-save.js';
import { backends } from '../store/contract/backends.js';
import { sample } from '../store/helpers.js';

const text = sample('magic-link.md');
const contextLine = text.split('\n').find((l) => l.startsWith('The service is a REST API'))!;
const acLine = text.split('\n').find((l) => l.startsWith('- **AC-3:**'))!;

const replace = (from: string, to: string, source = text) => {
  assert.ok(source.includes(from), `the sample lacks ${from}`);
  return source.replace(from, to);
};

for (const backend of backends) {
  describe(`stale save on the team (${backend.name})`, () => {
    it('AC-4: two authors save different sections from the same base: both edits are in the result', async (t) => {
      const { specs } = await backend.open(t);
      const { spec, version: base } = await specs.createSpec({ source: { kind: 'markdown', markdown: text }, author: 'Ada' });
      const first = await saveOnTeam(specs, { specId: spec.id, markdown: replace(contextLine, `${contextLine} (Ada)`), author: 'Ada', baseVersionId: base.id });
      assert.deepEqual([first.created, first.newerVersionExists, first.merge], [true, false, undefined]);

      const second = await saveOnTeam(specs, { specId: spec.id, markdown: replace(acLine, `${acLine} (Ben)`), author: 'Ben', message: 'AC-3', baseVersionId: base.id });
      assert.equal(second.created, true);
      assert.equal(second.newerVersionExists, true);
      assert.equal(second.version.number, 3);
      assert.equal(second.version.author, 'Ben');
      assert.equal(second.version.message, 'AC-3; merged with version 2');
      assert.deepEqual(second.merge && { ...second.merge, markdown: undefined }, {
        status: 'merged',
        head: { id: first.version.id, number: 2, author: 'Ada' },
        sections: [{ key: 'context', heading: 'Context', change: 'modified' }],
        markdown: undefined,
      });
      const head = await specs.getVersion(spec.id, 3);
      const expected = replace(acLine, `${acLine} (Ben)`, replace(contextLine, `${contextLine} (Ada)`));
      assert.equal(head.markdown, expected);
      assert.equal(second.merge?.status === 'merged' && second.merge.markdown, expected);
    });

    it('AC-4: the same section: the second author gets the conflict, no version is created, the head is untouched and their text is kept as the draft', async (t) => {
      const { specs } = await backend.open(t);
      const { spec, version: base } = await specs.createSpec({ source: { kind: 'markdown', markdown: text }, author: 'Ada' });
      const adas = replace(acLine, `${acLine} (Ada)`);
      const first = await saveOnTeam(specs, { specId: spec.id, markdown: adas, author: 'Ada', baseVersionId: base.id });
      const bens = replace(acLine, `${acLine} (Ben)`);
      const second = await saveOnTeam(specs, { specId: spec.id, markdown: bens, bom: true, author: 'Ben', baseVersionId: base.id });

      assert.equal(second.created, false);
      assert.equal(second.newerVersionExists, true);
      assert.equal(second.version.id, first.version.id);
      assert.equal(second.merge?.status, 'conflict');
      if (second.merge?.status !== 'conflict') return;
      assert.deepEqual(second.merge.head, { id: first.version.id, number: 2, author: 'Ada' });
      assert.deepEqual(second.merge.base, { id: base.id, number: 1 });
      assert.equal(second.merge.draftSaved, true);
      assert.deepEqual(second.merge.conflicts.map((c) => [c.key, c.kind]), [['acceptance', 'both-modified']]);
      const [conflict] = second.merge.conflicts;
      assert.ok(conflict.base?.includes(acLine) && !conflict.base.includes('(Ada)'));
      assert.ok(conflict.theirs?.includes(`${acLine} (Ada)`));
      assert.ok(conflict.mine?.includes(`${acLine} (Ben)`));

      assert.deepEqual((await specs.listVersions(spec.id)).map((v) => v.number), [2, 1]);
      assert.equal((await specs.getVersion(spec.id, 2)).markdown, adas);
      const draft = await specs.loadDraft(spec.id);
      assert.equal(draft?.markdown, bens);
      assert.equal(draft?.bom, true);
      assert.equal(draft?.baseVersionId, base.id);

      // Resolved against the head, the save is a plain one and clears nothing it should not.
      const resolved = replace(acLine, `${acLine} (Ada) (Ben)`);
      const third = await saveOnTeam(specs, { specId: spec.id, markdown: resolved, author: 'Ben', baseVersionId: first.version.id });
      assert.deepEqual([third.created, third.newerVersionExists, third.merge, third.version.number], [true, false, undefined, 3]);
    });

    it('saves plainly without a base or when the base is the head, and refuses a base from elsewhere', async (t) => {
      const { specs } = await backend.open(t);
      const { spec, version: base } = await specs.createSpec({ source: { kind: 'markdown', markdown: text } });
      const plain = await saveOnTeam(specs, { specId: spec.id, markdown: replace(acLine, `${acLine} !`) });
      assert.deepEqual([plain.created, plain.newerVersionExists, plain.merge], [true, false, undefined]);
      const other = await specs.createSpec({ source: { kind: 'markdown', markdown: text } });
      await assert.rejects(saveOnTeam(specs, { specId: spec.id, markdown: text, baseVersionId: other.version.id }), (e: Error & { code?: string }) => e.code === 'NOT_FOUND' && /version id/.test(e.message));
      const stale = await saveOnTeam(specs, { specId: spec.id, markdown: text, baseVersionId: base.id });
      // Mine equals the base: the merge is the head's text, identical to the head, so no new version.
      assert.deepEqual([stale.created, stale.version.number, stale.merge?.status], [false, 2, 'merged']);
    });
  });
}
