import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it } from 'node:test';
import { disposeBeforeQuit } from '../../electron/quit.js';

/** Electron's `app` as far as quitting goes: `quit()` fires before-quit, then will-quit unless one was prevented. */
class FakeApp extends EventEmitter {
  quits = 0;
  exited = false;

  quit(): void {
    this.quits += 1;
    if (this.fire('before-quit') && this.fire('will-quit')) this.exited = true;
  }

  /** Emits one quit event; true when no listener prevented it. */
  fire(name: 'before-quit' | 'will-quit'): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) });
    return !prevented;
  }
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('electron quit waits for the host services', () => {
  it('holds the quit until dispose has finished, disposes once, then quits', async () => {
    const app = new FakeApp();
    const disposal = deferred();
    let disposals = 0;
    disposeBeforeQuit(app, () => {
      disposals += 1;
      return disposal.promise;
    });

    app.quit();
    assert.equal(app.exited, false, 'the first quit is held');
    app.quit();
    assert.equal(app.fire('will-quit'), false, 'a will-quit during disposal is held too');
    assert.equal(disposals, 1, 'dispose runs once');

    disposal.resolve();
    await settle();
    assert.equal(app.exited, true, 'the app quits once the services are disposed');
    assert.equal(app.quits, 3);
    assert.equal(app.fire('before-quit'), true, 'later quits pass');
    assert.equal(disposals, 1);
  });

  it('still quits when dispose fails', async () => {
    const app = new FakeApp();
    const disposal = deferred();
    disposeBeforeQuit(app, () => disposal.promise);
    assert.equal(app.fire('will-quit'), false, 'will-quit alone is held too');
    disposal.reject(new Error('store would not close'));
    await settle();
    assert.equal(app.exited, true);
  });
});
