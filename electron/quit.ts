/** An event whose default (here: quitting now) can be held back; Electron's `Event` is one. */
interface PreventableEvent {
  preventDefault(): void;
}

/** The part of Electron's `app` that quitting needs; main passes `app` itself. */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'will-quit', listener: (event: PreventableEvent) => void): unknown;
  quit(): void;
}

/**
 * Holds every quit (before-quit and will-quit, whichever comes first) until `dispose` has
 * finished, then quits again and lets that quit through. `dispose` runs once, and a failing
 * one still ends in a quit: shutting down must never leave the app unable to exit.
 */
export function disposeBeforeQuit(app: QuittingApp, dispose: () => Promise<void>): void {
  let state: 'running' | 'disposing' | 'disposed' = 'running';
  const hold = (event: PreventableEvent): void => {
    if (state === 'disposed') return;
    event.preventDefault();
    if (state === 'disposing') return;
    state = 'disposing';
    void dispose()
      .catch(() => undefined)
      .then(() => {
        state = 'disposed';
        app.quit();
      });
  };
  app.on('before-quit', hold);
  app.on('will-quit', hold);
}
