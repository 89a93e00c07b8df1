import type { LintConfigInput } from '../../../core/lint/index.js';
import type { SpecDocument } from '../../../core/spec/model.js';
import { client } from '../client/current.js';
import { useWorkbench } from '../state/store.js';
import LintWorker from './lint.worker.ts?worker';
import type { LintRequest, LintResponse } from './lint.worker.js';
import { announce } from '../events/app-events.js';

/**
 * Lints in a Web Worker whenever the parsed document changes (the store re-parses 120 ms
 * after typing stops), so typing never waits for the linter. The worker gets the store's
 * parsed model, not the text: each edit is parsed once. Only the newest answer counts.
 */
export function startLinting(): () => void {
  const worker = new LintWorker();
  let latest = 0;
  let config: LintConfigInput = {};
  worker.onmessage = (event: MessageEvent<LintResponse>) => {
    if (event.data.id !== latest) return;
    useWorkbench.getState().setLint(event.data.report, event.data.ms);
    announce('specbench:linted');
  };
  const request = (doc: SpecDocument) => {
    const message: LintRequest = { id: ++latest, doc, config };
    worker.postMessage(message);
  };
  const loadConfig = async (path: string | null) => {
    config = {};
    if (!path) return;
    try {
      const found = await client().call('lint.config', { path });
      config = found.config as LintConfigInput;
      if (found.error) useWorkbench.getState().notify('warning', `Lint config ignored: ${found.error.message}`);
    } catch {
      // No config is the normal case; the defaults apply.
    }
  };
  let lastPath: string | null | undefined;
  const unsubscribe = useWorkbench.subscribe((state, previous) => {
    if (state.file.path !== lastPath) {
      lastPath = state.file.path;
      void loadConfig(state.file.path).then(() => request(useWorkbench.getState().doc));
      return;
    }
    if (state.doc !== previous.doc) request(state.doc);
  });
  lastPath = useWorkbench.getState().file.path;
  void loadConfig(lastPath).then(() => request(useWorkbench.getState().doc));
  return () => {
    unsubscribe();
    worker.terminate();
  };
}
