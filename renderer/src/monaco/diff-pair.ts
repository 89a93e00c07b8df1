import type * as Monaco from 'monaco-editor/editor/editor.api';

type MonacoApi = typeof Monaco;

/** Two Markdown models shown in a diff editor through a view model this code owns. */
export interface DiffPair {
  readonly original: Monaco.editor.ITextModel;
  readonly modified: Monaco.editor.ITextModel;
  /** Cancels the pair's diff computation, then frees both models. */
  dispose(): void;
}

/**
 * Shows `originalText` against `modifiedText` in `editor`. The view model is created here, not by
 * `setModel({ original, modified })`, because Monaco never disposes a view model it made for a
 * plain model pair: a diff still in its worker when the models go then fails with "no diff result
 * available" (an uncaught page error). Disposing our own view model first cancels that diff.
 */
export function showDiffPair(monaco: MonacoApi, editor: Monaco.editor.IStandaloneDiffEditor, originalText: string, modifiedText: string): DiffPair {
  const original = monaco.editor.createModel(originalText, 'markdown');
  const modified = monaco.editor.createModel(modifiedText, 'markdown');
  const viewModel = editor.createViewModel({ original, modified });
  editor.setModel(viewModel);
  return {
    original,
    modified,
    dispose() {
      viewModel.dispose();
      original.dispose();
      modified.dispose();
    },
  };
}
