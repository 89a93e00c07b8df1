import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { installDom } from './support/dom.js';

const dom = installDom();
after(() => dom.cleanup());
const { useWorkbench } = await import('../../renderer/src/state/store.js');

/** The app events announced on window while `run` runs, by name. */
function announced(run: () => void): string[] {
  const seen: string[] = [];
  const names = ['specbench:versioned', 'specbench:autosaved'];
  const listener = (e: Event) => seen.push(e.type);
  for (const n of names) window.addEventListener(n, listener);
  try {
    run();
  } finally {
    for (const n of names) window.removeEventListener(n, listener);
  }
  return seen;
}

test('a recorded version moves both revisions and still announces specbench:versioned for outside observers', () => {
  const before = useWorkbench.getState();
  const events = announced(() => useWorkbench.getState().versionRecorded());
  const next = useWorkbench.getState();
  assert.deepEqual(events, ['specbench:versioned']);
  assert.equal(next.libraryRevision, before.libraryRevision + 1);
  assert.equal(next.versionsRevision, before.versionsRevision + 1);
});

test('an autosaved draft moves only the library listing and announces specbench:autosaved', () => {
  const before = useWorkbench.getState();
  const events = announced(() => useWorkbench.getState().draftSaved());
  const next = useWorkbench.getState();
  assert.deepEqual(events, ['specbench:autosaved']);
  assert.equal(next.libraryRevision, before.libraryRevision + 1);
  assert.equal(next.versionsRevision, before.versionsRevision, 'History does not reload for a draft');
});

test('a library change (rename, archive, trash…) moves the listing and announces nothing', () => {
  const before = useWorkbench.getState();
  const events = announced(() => useWorkbench.getState().libraryChanged());
  assert.deepEqual(events, []);
  assert.equal(useWorkbench.getState().libraryRevision, before.libraryRevision + 1);
  assert.equal(useWorkbench.getState().versionsRevision, before.versionsRevision);
});
