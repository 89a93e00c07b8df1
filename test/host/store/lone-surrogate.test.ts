import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HostError } from '../../../host/common/host-error.js';
import { tempStore } from './helpers.js';

function refusal(fn: () => unknown): HostError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof HostError);
    return error;
  }
  assert.fail('expected a refusal');
}

test('the store refuses text with a lone surrogate (which SQLite would turn into U+FFFD), naming the offset', (t) => {
  const store = tempStore(t);
  const bad = '# Spec\n\nbroken \uDFFF here\n';
  const create = refusal(() => store.createSpec({ source: { kind: 'markdown', markdown: bad } }));
  assert.equal(create.code, 'INVALID_TEXT');
  assert.match(create.message, /lone surrogate U\+DFFF at character offset 15 \(line 3, column 8\)/);
  assert.deepEqual(store.listSpecs(), []);

  const { spec } = store.createSpec({ source: { kind: 'markdown', markdown: '# Spec\n' } });
  assert.equal(refusal(() => store.saveVersion({ specId: spec.id, markdown: bad })).code, 'INVALID_TEXT');
  assert.equal(refusal(() => store.saveDraft({ specId: spec.id, markdown: bad })).code, 'INVALID_TEXT');
  assert.equal(store.listVersions(spec.id).length, 1);
  assert.equal(store.loadDraft(spec.id), null);
  // A surrogate pair is ordinary text and round-trips.
  store.saveVersion({ specId: spec.id, markdown: '# Spec \uD83D\uDE00\n' });
  assert.equal(store.getVersion(spec.id, 2).markdown, '# Spec \uD83D\uDE00\n');
});
