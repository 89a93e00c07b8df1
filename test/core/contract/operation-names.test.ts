import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventNames, operationNames } from '../../../core/contract/operation-names.js';
import { events, operations } from '../../../core/contract/operations.js';

// The preload is built from the zod-free name list; an operation missing from it would have no
// bridge function in the desktop app, so the list must name exactly the registry's operations.
describe('operation names (zod-free list for the preload)', () => {
  it('names every operation of the registry once, and nothing else', () => {
    assert.equal(new Set(operationNames).size, operationNames.length, 'no name twice');
    assert.deepEqual([...operationNames].sort(), Object.keys(operations).sort());
  });

  it('names every host event of the registry once, and nothing else', () => {
    assert.equal(new Set(eventNames).size, eventNames.length, 'no name twice');
    assert.deepEqual([...eventNames].sort(), Object.keys(events).sort());
  });
});
