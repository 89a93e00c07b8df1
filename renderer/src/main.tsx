import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { connectClient } from './client/index.js';
import { setClient } from './client/current.js';
import { App } from './components/App.js';
import { useWorkbench } from './state/store.js';
import { openWithDraft, startAutosave } from './library/autosave.js';
import { openLibrarySpec } from './library/library-actions.js';

async function start() {
  const client = connectClient();
  // Monaco is most of the bundle: fetch it in its own chunk while the host answers.
  const monacoReady = import('./monaco/setup.js');
  const info = await client.call('app.info', {});
  setClient(client, info);
  document.body.dataset.mode = info.mode;
  try {
    // A link to one library spec (`/?spec=12`, what "Publish to team" hands out) opens that spec.
    const linked = Number(new URLSearchParams(location.search).get('spec'));
    if (Number.isSafeInteger(linked) && linked > 0) await openLibrarySpec(linked, { confirmed: true });
    else {
      const initial = await client.call('app.initialDocument', {});
      if (initial) await openWithDraft(initial);
    }
  } catch (error) {
    useWorkbench.getState().notify('error', error instanceof Error ? error.message : String(error));
  }
  const { monaco } = await monacoReady;
  const [{ startLintDecorations }, { startLinting }] = await Promise.all([import('./lint/lint-decorations.js'), import('./lint/lint-runner.js')]);
  startLintDecorations(monaco);
  startLinting();
  startAutosave();
  void import('./review/review-runtime.js').then((review) => review.startReview(monaco));
  void import('./comments/comments-runtime.js').then((comments) => comments.startComments(monaco));
  void import('./validate/validate-decorations.js').then((v) => v.startValidateDecorations(monaco));
  // Team servers push comments, saves, verdicts, validation results and presence; local hosts never do.
  void import('./team/team-live.js').then((live) => live.startTeamLive());
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
