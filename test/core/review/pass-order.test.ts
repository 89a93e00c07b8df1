import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PassInfo } from '../../../core/contract/ops/review.js';
import { passOrder } from '../../../core/review/pass-order.js';

const pass = (id: string, step: number): PassInfo => ({ id, title: id, step, kind: 'review', inputs: [], sections: [], file: `${id}.md`, origin: 'builtin' });

describe('passOrder', () => {
  it('puts the offline reviewer first, known passes by step, unknown ones last in their order', () => {
    const passes = [pass('edge-case-hunt', 3), pass('principal-review', 1)];
    assert.deepEqual(passOrder(passes, ['my-pass', 'edge-case-hunt', 'offline', 'their-pass']), ['offline', 'principal-review', 'edge-case-hunt', 'my-pass', 'their-pass']);
  });

  it('works before the pass list has loaded', () => {
    assert.deepEqual(passOrder(null, ['b', 'offline', 'a']), ['offline', 'b', 'a']);
  });
});
