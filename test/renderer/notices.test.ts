import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { installDom } from './support/dom.js';

const dom = installDom();
after(() => dom.cleanup());
const { useWorkbench } = await import('../../renderer/src/state/store.js');
const { NOTICE_TIMEOUT_MS } = await import('../../renderer/src/state/ui-slice.js');

const texts = () => useWorkbench.getState().notices.map((n) => `${n.kind}:${n.text}`);

test('the same notice again replaces the old one; at most five stay', () => {
  useWorkbench.setState({ notices: [] });
  const s = useWorkbench.getState();
  s.notify('error', 'Not saved: disk full');
  s.notify('error', 'Not saved: disk full');
  assert.deepEqual(texts(), ['error:Not saved: disk full']);
  for (let i = 0; i < 7; i++) s.notify('error', `e${i}`);
  assert.equal(texts().length, 5);
  assert.equal(texts().at(-1), 'error:e6');
});

test('opening another document clears the notices; reloading the same one keeps them', () => {
  const s = useWorkbench.getState();
  s.load({ path: null, name: 'a.md', content: '# A\n', bom: false });
  s.notify('error', 'a failed');
  s.load({ path: null, name: 'a.md', content: '# A again\n', bom: false });
  assert.deepEqual(texts(), ['error:a failed']);
  s.load({ path: null, name: 'b.md', content: '# B\n', bom: false });
  assert.deepEqual(texts(), []);
});

test('info and warning notices time out; errors stay until dismissed', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  useWorkbench.setState({ notices: [] });
  const s = useWorkbench.getState();
  s.notify('info', 'Exported');
  s.notify('warning', 'Search: slow');
  s.notify('error', 'Not saved');
  t.mock.timers.tick(NOTICE_TIMEOUT_MS - 1);
  assert.equal(texts().length, 3);
  t.mock.timers.tick(1);
  assert.deepEqual(texts(), ['error:Not saved']);
});
