import { client } from '../client/current.js';
import { announce } from '../events/app-events.js';
import { ensureLibrarySpec } from '../library/library-link.js';
import { useWorkbench } from '../state/store.js';

let listening = false;
let counter = 0;

/** Feeds validate.progress events into the store; once per page. */
function listen(): void {
  if (listening) return;
  listening = true;
  client().on('validate.progress', (p) => {
    useWorkbench.getState().validateProgress(p.runId, p.done, p.total, p.result.id, p.result.status, p.variant);
    announce('specbench:validate-progress', { done: p.done, total: p.total });
  });
}

/**
 * Runs the open spec's criteria against the embedded server (FR-7): the live text, its path (for
 * team phrases) and its library spec (so the result is stored with the version of that text).
 */
export async function runValidation(defects: 'none' | 'all'): Promise<void> {
  const state = useWorkbench.getState();
  if (state.validation.running) return;
  listen();
  const runId = `ui-${Date.now().toString(36)}-${++counter}`;
  state.validateStarted(runId, defects);
  try {
    // The run is kept with the library version of this text (FR-7), so link the document first as
    // Save and History do; a library that cannot open only costs the storing, not the run.
    const link = await ensureLibrarySpec().catch(() => null);
    const current = useWorkbench.getState();
    const result = await client().call('validate.run', {
      runId,
      specMarkdown: current.currentText(),
      path: current.file.path,
      specId: link?.specId ?? null,
      defects,
    });
    useWorkbench.getState().validateFinished(result);
    const { passed = 0, total = 0 } = result.run.summary;
    announce('specbench:validate-done', { passed, total, score: result.mutation ? `${result.mutation.score.killed}/${result.mutation.score.total}` : null });
  } catch (error) {
    useWorkbench.getState().validateFailed(error instanceof Error ? error.message : String(error));
  }
}

/** Copies one curl line; the clipboard may be refused (no focus, insecure origin), so say so. */
export async function copyCurl(id: string, curl: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(curl);
    announce('specbench:curl-copied', { id });
  } catch {
    useWorkbench.getState().notify('warning', 'The clipboard refused the curl line; select it in the drawer instead.');
  }
}
