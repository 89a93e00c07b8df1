import { client } from '../client/current.js';
import { ensureLibrarySpec } from '../library/library-link.js';
import { useWorkbench } from '../state/store.js';
import { failureMessage, sha256Hex } from './format.js';
import { adoptRun } from './review-events.js';

const store = () => useWorkbench.getState();

/** Runs one pass or every review pass on the text as it is now. */
export async function startRun(target: { passId: string } | { all: true }): Promise<void> {
  store().sync();
  const text = store().currentText();
  store().reviewPatch({ reviewStarting: true, reviewError: null, reviewTab: 'findings' });
  try {
    const contentHash = await sha256Hex(text);
    let specId: number | null = null;
    try {
      specId = (await ensureLibrarySpec()).specId;
    } catch {
      // No library (a store error): the run works, finding states are kept for this session only.
    }
    const result = await client().call('review.run', { ...target, specMarkdown: text, versionHash: contentHash, ...(specId ? { specId } : {}) });
    adoptRun(store, result, { specId, contentHash });
    watchRun(result.runId);
    if (specId) {
      // States recorded for this very text (an earlier run, or before a restart) come back.
      const { states } = await client().call('review.findingState.list', { specId, contentHash });
      store().reviewSetStates(contentHash, states);
    }
  } catch (error) {
    store().reviewPatch({ reviewError: failureMessage(error) });
  } finally {
    store().reviewPatch({ reviewStarting: false });
  }
}

const STATUS_POLL_MS = 4000;

/**
 * Events are the fast path; this is the safety net. While a run is going its status is read
 * now and then, so a run whose events were lost (the event stream reconnecting) still ends
 * with its findings, usage and cost.
 */
function watchRun(runId: string): void {
  const check = async () => {
    const run = store().reviewRuns[runId];
    if (!run || run.status === 'done') return;
    try {
      const snapshot = await client().call('review.status', { runId });
      if (snapshot.status === 'done') {
        if (store().reviewRuns[runId]?.status !== 'done') store().reviewRunDone(snapshot);
        return;
      }
    } catch {
      // The host forgot the run or is gone: nothing more to learn.
      return;
    }
    setTimeout(() => void check(), STATUS_POLL_MS);
  };
  setTimeout(() => void check(), STATUS_POLL_MS);
}

/** Cancels every run of this window that is still going; findings already received stay. */
export async function cancelRuns(): Promise<void> {
  const runs = Object.values(store().reviewRuns).filter((r) => r.adopted && r.status === 'running');
  for (const run of runs) {
    useWorkbench.setState((s) => ({ reviewRuns: { ...s.reviewRuns, [run.runId]: { ...s.reviewRuns[run.runId], cancelRequested: true } } }));
    try {
      await client().call('review.cancel', { runId: run.runId });
    } catch (error) {
      store().notify('warning', `Cancel failed: ${failureMessage(error)}`);
    }
  }
}
